print(frozenset(), frozenset([1, 2, 2]), frozenset(range(3)) == frozenset({0, 1, 2}), len(frozenset('aab')))
print(sorted(frozenset([3, 1]) | frozenset([2])), frozenset([1]) <= frozenset([1, 2]))
