r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 5 in r, 6 in r, r.index(8), r.count(11))
print(list(range(5, 0, -1)), list(range(0)), list(range(-3)), range(0, 10 ** 20, 7)[-1], range(3) == range(0, 3))
print(range(10)[::3], list(range(10)[::3]), range(1, 2) == range(1, 3, 5), bool(range(0)))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(5)[5]
except IndexError as e:
    print(e)
