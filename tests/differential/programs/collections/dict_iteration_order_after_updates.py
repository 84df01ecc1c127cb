d = dict.fromkeys('abc', 0)
d['b'] += 1
d.pop('a')
d['a'] = 5
d.update(c=2, d=3)
print(d, list(d), list(d.values()))
d2 = {k: d[k] for k in sorted(d, key=lambda k: -d[k])}
print(d2)
