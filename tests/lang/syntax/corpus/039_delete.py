del a
del a, b
del a[0]
del a.b
del a[0], a.b
del (a, b)
del [a, b]
del (a), [b]
del a,
del a[1:2]
