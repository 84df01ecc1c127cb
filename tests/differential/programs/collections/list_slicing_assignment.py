l = list(range(10))
l[2:5] = ['a']; print(l)
l[::2] = [0] * len(l[::2]); print(l)
del l[1::3]; print(l)
l[:0] = [9, 9]; print(l, l[-3:], l[:-3], l[::-1][:3])
try:
    l[::2] = [1]
except ValueError as e:
    print('ValueError', e)
