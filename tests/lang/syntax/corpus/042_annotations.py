def f(a: int) -> int:
    pass
def f(a: int = 1, *args: str, b: 'x' = 2, **kw: dict) -> None:
    pass
def f(a: list[int], b: dict[str, int] | None = None) -> tuple[int, ...]:
    return (1,)
def f(self, x: 'Foo') -> 'Bar': ...
