r = range(-2**63, 2**63 - 1)
print(r, r[0], r[-1], r[2**64 - 2], 5 in r, 2**63 in r, bool(r), r == range(-2**63, 2**63 - 1))
try:
    len(r)
except OverflowError as e:
    print("OverflowError", e)
print(r[10:20], r[::2**62], list(r[::2**62]), r[::-2**63])
print(list(range(2**63 - 10, 2**63 - 1, 5)), list(reversed(range(-2**63, -2**63 + 10, 4))))
big = range(10**20, 10**20 + 30, 7)
print(big, len(big), list(big), list(reversed(big)), big.index(10**20 + 14), big.count(10**20 + 14), big.count(3))
print(range(0, 10**30, 10**29)[3], type(iter(range(10**20))).__name__, type(iter(range(10))).__name__, type(reversed(range(3))).__name__)
print(hash(range(5)) == hash(range(0, 5)), hash(range(2, 3)) == hash(range(2, 3, 9)), hash(range(10**20)) == hash((10**20, 0, 1)))
print(range(3).index(1.0), range(3).count(2.0), range(10**20).start, range(10**20).stop, range(1, 10**20, 2).step)
for i, x in enumerate(range(2**63 - 3, 2**63 + 3)):
    print(i, x)
print(range(5)[10**20:], range(5)[-10**20:2], range(10)[3:-1:2], range(10)[::-1], range(10)[8:2:-3])
try:
    range(5)[10**20]
except IndexError as e:
    print(e)
try:
    range(5)['a']
except TypeError as e:
    print(e)
try:
    range(3).index('a')
except ValueError as e:
    print(e)
try:
    range(10**20).index(-1)
except ValueError as e:
    print(e)
print(range(True, 5, True), 3 in range(True, 5), True in range(2), 2.0 in range(3))
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
print(sum(range(10**18, 10**18 + 5)), max(range(2**64, 2**64 + 3)), sorted(range(3, 0, -1)))
print(range(0, 2**64, 2**62)[2], list(range(0, 2**64, 2**62)), list(reversed(range(0, 2**64, 2**62))))
print(list(reversed(range(5, -2**63, -2**63 + 1))), list(range(0, -2**63 - 1, -2**63)))
print(hash(range(0)) == hash(range(7, 2)), range(0) == range(4, 1, 3), [list(range(a, b, c)) == list(range(a, b, c))[::1] for a, b, c in [(0, 5, 2), (5, 0, -2)]])
