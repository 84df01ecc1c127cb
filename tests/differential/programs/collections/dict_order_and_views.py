d = {}
d['z'] = 1
d['a'] = 2
d['m'] = 3
print(list(d), d)
del d['z']
d['z'] = 4
print(list(d.items()))
d['a'] = 99
print(d)
k = d.keys()
d['new'] = 0
print(k, len(k), 'new' in k, list(d.values()))
print(d.keys() & {'a', 'q'}, sorted(d.keys() - {'a'}), d.items() == {('a', 99), ('m', 3), ('z', 4), ('new', 0)})
