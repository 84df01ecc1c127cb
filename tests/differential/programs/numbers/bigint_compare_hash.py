big = 2 ** 100
print(big == 2 ** 100, big > 2 ** 99, -big < -(2 ** 99), big == float(big), big + 1 == float(big))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-1), hash(-2), hash(10 ** 30), hash(-(10 ** 30)), hash(123))
print(sorted([2 ** 70, -5, 2 ** 64, 3.5, -2 ** 80]), max(2 ** 70, 1e21), min(-2 ** 80, -1e24))
print(big in {2 ** 100: 'x'}, {2 ** 100: 'x'}[big])
