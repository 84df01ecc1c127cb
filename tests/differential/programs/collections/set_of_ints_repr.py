print({3, 1, 2}, {10, 5, 0}, set(range(8)), {-1, 1}, {1, 2} | {3}, frozenset({2, 1}))
print({i % 4 for i in range(20)}, set([1, 1, 2]), {True, 1, 1.0}, {0, False})
