x: int = 5
y: str
name: 'str' = 'abc'
items: list[int] = [1, 2]
print(x, name, items)
try:
    print(y)
except NameError as e:
    print(e)
def f(a: int, b: str = 'x') -> str:
    return b * a
print(f(3))
