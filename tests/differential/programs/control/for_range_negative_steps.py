for args in [(5,), (1, 6), (6, 1, -1), (10, 0, -3), (0, 10, 4), (-5, -1), (-1, -5, -2), (3, 3), (5, 1)]:
    print(args, list(range(*args)), len(range(*args)))
