print(1 in [1, 2], 3 in (1, 2), 'a' in {'a': 1}, 1 in {1: 'a'}.values(), 'ab' in 'cabd')
print([1] in [[1], 2], (1, 2) in {(1, 2)}, 2 in range(0, 10, 2), 3 in range(0, 10, 2))
print(1.0 in [1], True in [1], None in [0, '', None], 'x' not in '')
print(10**20 in range(10**21), -1 in range(5))
