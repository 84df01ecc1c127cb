a: int
b: int = 1
c: list[int] = []
d: 'str' = 'x'
(e): int = 1
f.g: int = 2
h[0]: str
i: tuple[int, ...] = (1, 2)
j: dict[str, list[int]] = {}
