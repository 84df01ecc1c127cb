class D(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{name} {unknown}'.format_map(D(name='x')))
class Counter(dict):
    def __init__(self, items=()):
        super().__init__()
        for i in items:
            self[i] = self.get(i, 0) + 1
    def top(self):
        return max(self.items(), key=lambda kv: kv[1])
c = Counter('abracadabra')
print(c, c.top(), type(c).__name__, type(c) is dict, isinstance(c, dict), issubclass(Counter, dict))
class Dflt(dict):
    def __missing__(self, k):
        v = self[k] = []
        return v
d = Dflt()
d['a'].append(1); d['a'].append(2); d['b'].append(3)
print(d, len(d), 'a' in d, d.get('zz'), list(d), repr(d), str(d))
class E(D): pass
e = E(a=1)
print(e['a'], e['q'], isinstance(e, D), e == {'a': 1}, dict(e), e.copy())
print(D([(1, 2)]), D({'k': 'v'}, z=3))
try:
    D(1, 2)
except TypeError as ex:
    print('TypeError', ex)
print(D.__name__, callable(Counter.top))
