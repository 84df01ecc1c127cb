def f(a, b, c=0, *args, d=1, **kw):
    return (a, b, c, args, d, kw)
print(f(1, 2))
print(f(1, 2, 3, 4, 5, d=6, e=7))
print(f(*range(5)))
print(f(1, *[2], *[3, 4], **{'d': 9}, **{'z': 0}))
