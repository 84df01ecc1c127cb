a = lambda: 0
b = lambda x: x
c = lambda x, y=1: x + y
d = lambda *args: args
e = lambda **kw: kw
f = lambda x, *, y: x
g = lambda x, /, y: x
h = lambda *a, b=2, **c: (a, b, c)
i = lambda x: lambda y: x + y
j = lambda: (yield)
k = sorted(items, key=lambda t: (t[1], -t[0]))
l = lambda a, b=1, /, c=2, *d, e, f=3, **g: 0
