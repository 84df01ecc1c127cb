d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 9), d)
print(d.pop('a'), d.pop('zz', None), d.popitem(), d, list(d.items()), dict.fromkeys('xy', 0))
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d, {**d, 'x': 0}, d | {'q': 1}, len(d), 'x' in d, sorted(d))
for f in [lambda: d['nope'], lambda: d.pop('nope'), lambda: {}.popitem(), lambda: d.update(1)]:
    try:
        f()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
