for v in [None, True, False, 0, -3, 1.0, 0.1, 1/3, 1e22, 1e-5, 123456789.0, 'txt', [1, 'a'], {'k': None}, (1,), ()]:
    print(str(v), '|', repr(v))
