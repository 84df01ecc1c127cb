def describe(x):
    if isinstance(x, bool):
        return 'bool'
    elif isinstance(x, int) and x < 0:
        return 'negative int'
    elif isinstance(x, int):
        return 'int'
    elif isinstance(x, float):
        return 'float'
    elif isinstance(x, str) and not x:
        return 'empty str'
    elif isinstance(x, (list, tuple)):
        return 'sequence of %d' % len(x)
    else:
        return 'other'
for v in [True, -3, 3, 1.5, '', 'x', [1], (1, 2), None, {}]:
    print(repr(v), describe(v))
