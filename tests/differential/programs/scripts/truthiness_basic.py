values = [None, '', 'x', 0, 1, 0.0, -0.5, [], [0], {}, {'a': 1}, (), (None,), False, True]
for v in values:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
    if not v:
        print('  not ->', not v)
