nothing, one = None, 1
tests = [lambda: 1 + 'a', lambda: 'a' + 1, lambda: [1] + (2,), lambda: len(5), lambda: nothing(), lambda: one[0],
         lambda: {}[[]], lambda: int('x'), lambda: float('y'), lambda: [].x, lambda: abs('a'), lambda: 'a' * 'b',
         lambda: -'a', lambda: 1 < 'a', lambda: iter(5), lambda: next(iter([])), lambda: {1: 2}['k'], lambda: chr(-1),
         lambda: ord('ab'), lambda: range(1.5), lambda: 'abc'[5], lambda: (1, 2)[3], lambda: undefined_name]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ':', e)
