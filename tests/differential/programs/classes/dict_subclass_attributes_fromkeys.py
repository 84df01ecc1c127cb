# Instances of dict subclasses carry attributes (set, read, shadowing a method, del);
# D.fromkeys and d.fromkeys build a D (its __init__ runs), dict.fromkeys a dict.
class D(dict):
    def total(self):
        return sum(self.values())

d = D(a=1, b=2)
d.x = 10
d.label = "hello"
print(d, d.x, d.label, d.total(), len(d), 'x' in d)
d.total = lambda: "shadowed"
print(d.total())
del d.total
print(d.total())
del d.x
try:
    d.x
except AttributeError as e:
    print(e)
e = D.fromkeys(["p", "q"], 0)
print(type(e).__name__, e, e.total(), isinstance(e, D))
f = D.fromkeys("ab")
print(type(f).__name__, f)
g = d.fromkeys([1, 2], [])
print(type(g).__name__, g)
print(type(dict.fromkeys([3])).__name__, dict.fromkeys([3]), {}.fromkeys((4, 5), 'v'))

class Counted(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.created = True
c = Counted.fromkeys([1, 2], 'z')
print(c, c.created)
try:
    dict.fromkeys()
except TypeError as e:
    print(e)
try:
    dict.fromkeys(1, 2, 3)
except TypeError as e:
    print(e)
try:
    {}.x = 1
except AttributeError as e:
    print(e)
try:
    dict().fromkeys = 1
except AttributeError as e:
    print(e)
class P(dict):
    @property
    def size(self):
        return len(self)
p = P(a=1)
print(p.size)
try:
    p.size = 3
except AttributeError as e:
    print(e)
print(p == {'a': 1}, d.get('a'), d.keys())
