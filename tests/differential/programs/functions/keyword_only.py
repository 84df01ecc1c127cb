def f(a, *, key, default=None):
    return a, key, default
print(f(1, key=2), f(1, key=2, default=3))
try:
    f(1, 2)
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
def g(*, x=1, y):
    return x + y
print(g(y=2), g(x=5, y=5))
