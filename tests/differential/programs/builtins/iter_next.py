it = iter([1, 2])
print(next(it), next(it), next(it, None))
s = iter('ab')
print(list(s), list(s))
d = {'a': 1, 'b': 2}
print(list(iter(d)), next(iter(d.values())), next(iter(d.items())))
r = iter(range(3))
print(next(r), sum(r))
try:
    next([1, 2])
except TypeError as e:
    print(e)
