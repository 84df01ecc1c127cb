t = (1, 2, 3, 2, 1)
print(t.count(2), t.index(3), t.index(1, 1), len(t), t[1:4], t[::-1], t + (9,), t * 2, 2 in t)
print(tuple([1, 2]), tuple('ab'), tuple(), (1,) == (1,), (1, 2) < (1, 3), max(t), sorted(t))
try:
    t.index(7)
except ValueError as e:
    print(e)
try:
    t[0] = 5
except TypeError as e:
    print(e)
