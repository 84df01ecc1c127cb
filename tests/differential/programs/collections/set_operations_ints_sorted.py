a = set(range(0, 20, 2))
b = set(range(0, 20, 3))
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a.isdisjoint({1, 3}), a >= {2, 4}, len(a | b), sum(a), max(b), min(a ^ b))
