print(*args, *more, sep="")
combine(**defaults, **overrides)
f(*(1, 2), **{"a": 1})
g(1, *range(3), key=2, **extra)
