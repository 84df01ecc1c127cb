a = 1, 2
b = (1, 2)
c = (1)
d = (1,)
e = ()
f = 1,
print(a == b, type(c).__name__, type(d).__name__, len(e), f, (((1))), ((1),), (1, (2, (3,))))
for x, in [(1,), (2,)]:
    print('single unpack', x)
