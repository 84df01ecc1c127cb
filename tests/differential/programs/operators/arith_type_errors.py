cases = [lambda: 1 + 'a', lambda: 'a' - 'b', lambda: [1] * 'x', lambda: {} + {}, lambda: None * 2,
         lambda: 'a' * 2.0, lambda: [1] + (1,), lambda: 1 / 'x', lambda: -'a', lambda: ~1.5, lambda: 2 ** None,
         lambda: 'ab' % 3, lambda: 5 % 'x', lambda: 1 << 1.0, lambda: 3 & 1.0]
for c in cases:
    try:
        print(c())
    except TypeError as e:
        print('TypeError:', e)
