for v in [1, 1.0, True, 2 ** 70, 1 / 2, 7 // 2, 7.0 // 2, 2 ** -1, 4 ** 0.5, round(1.5), round(1.5, 1), abs(-3), divmod(7, 2)]:
    print(repr(v), type(v).__name__)
