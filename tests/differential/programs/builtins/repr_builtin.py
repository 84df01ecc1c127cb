for v in [1, -1.5, 'q', "it's", 'x"y', None, True, [1, 'a'], (1,), {}, {'a': (1, 2)}, {1, 2}, frozenset(), range(2), 1e100, 2 ** 64, b'\x00a']:
    print(repr(v))
