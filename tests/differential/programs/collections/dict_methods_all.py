d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.keys(), d.values(), d.items())
print(d.setdefault('c', 3), d.setdefault('a', 100), d)
d.update({'d': 4}, e=5); d.update([('f', 6)]); print(d)
print(d.pop('a'), d.pop('zz', 'none'), d.popitem(), d)
e = d.copy(); e['new'] = 1; print(d, e)
print(dict.fromkeys(['x', 'y']), dict.fromkeys('ab', 0), list(reversed(d)), d | {'b': 20}, {'z': 0} | d)
d |= {'q': 9}; print(d)
d.clear(); print(d, len(d))
