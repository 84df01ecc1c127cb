x = [1, 2]
print(not 1 in x, not (1 in x), 3 not in x, not x is None, 1 + 1 in x, 2 * 1 in x, x is not None is not False)
print(-2 ** -1, not -1, -~2, ~-2, 2 - -2 ** 2, (not 0) + 1, 1 < 2 == 2 > 1)
