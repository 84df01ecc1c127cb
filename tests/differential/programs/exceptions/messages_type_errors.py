five, none, pair = 5, None, (1, 2)
cases = [lambda: len(5), lambda: 'a' + 1, lambda: 1 + 'a', lambda: [] + None, lambda: none(), lambda: five[0],
         lambda: {}[[]], lambda: iter(5), lambda: int([]), lambda: float([]), lambda: sum(['a']), lambda: sorted(5),
         lambda: 'x'.join(5), lambda: hash([]), lambda: abs('x'), lambda: max(), lambda: min([]), lambda: pair[none]]
for c in cases:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
