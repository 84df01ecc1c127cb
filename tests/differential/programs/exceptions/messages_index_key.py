cases = [lambda: [][0], lambda: [1][5], lambda: (1,)[3], lambda: 'ab'[9], lambda: range(2)[5], lambda: {}['x'],
         lambda: {}[1], lambda: {}[(1, 'a')], lambda: {'a': 1}[None], lambda: [1].pop(3), lambda: [].pop()]
for c in cases:
    try:
        c()
    except LookupError as e:
        print(type(e).__name__, repr(e), str(e))
