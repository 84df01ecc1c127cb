print([1, 2] + [3], [0] * 3, 3 * [0], 'ab' * 3, 0 * 'ab', -1 * 'ab', (1,) * 2, (1, 2) + (3,))
L = [[]] * 3
L[0].append(1)
print(L)
print('a' + 'b' * 2 + 'c', ['x'] * 2 + ['y'])
print([1, 2] * True, 'z' * False)
