# hash() of tuples (3.11's xxHash-based tuplehash) and frozensets over ints,
# bools and floats, including values around 2**61 - 1 (the int hash modulus) and -1.
vals = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61) + 1, -(2**61), 2**63 - 1, -(2**63),
        2**64 + 5, -(10**30), True, False, 0.5, -0.5, 1.0, -1.0, 1e300, -1e-300, float('inf'),
        float('-inf'), 1.5e16, 2**53 + 0.0, 3.141592653589793]
for v in vals:
    print(repr(v), hash(v), hash((v,)), hash((v, v)), hash(frozenset({v})))
for a in vals:
    print(hash(tuple((a, b) for b in vals[:8])), [hash((a, b, -1)) % 1000003 for b in vals[::5]])
print(hash(()), hash(((),)), hash(tuple(range(100))), hash(tuple(vals)))
print(hash(frozenset()), hash(frozenset(range(10))), hash(frozenset({(1, 2), frozenset({3})})))
print(hash((frozenset({1, 2}), 3)), hash((range(1, 10, 3), range(5))), hash(range(2, 3)) == hash(range(2, 3, 7)))
s = set(range(50))
for i in range(0, 50, 3):
    s.discard(i)
print(hash(frozenset(s)), hash(frozenset(sorted(s, reverse=True))) == hash(frozenset(s)))
