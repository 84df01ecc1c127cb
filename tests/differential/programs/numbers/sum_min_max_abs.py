print(sum([1, 2, 3]), sum([0.1] * 10), sum([], 5), sum([[1], [2]], []), abs(-3), abs(-2.5), abs(True), max(1, 2.5), min([3, 1], default=9))
print(max(['a', 'bb', 'c'], key=len), min({'x': 3, 'y': 1}, key=lambda k: {'x': 3, 'y': 1}[k]), round(sum([1.1, 2.2]), 2), pow(2, 10), pow(2, -1), pow(3, 4, 5))
for f in [lambda: sum(['a', 'b']), lambda: max([]), lambda: min(), lambda: sum([1], 'x')]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
