d = {'a': 1}
for f in [lambda: d['b'], lambda: d.pop('b'), lambda: {}.popitem(), lambda: d[[1]], lambda: {[1]: 2}, lambda: d.update(1)]:
    try:
        f()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
try:
    for k in d:
        d['new'] = 2
except RuntimeError as e:
    print(e)
