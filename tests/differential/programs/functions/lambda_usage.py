sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(5), add(1), add(1, 2), (lambda *a, **k: (a, k))(1, z=2), (lambda: 'noargs')())
pairs = [(1, 'one'), (3, 'three'), (2, 'two')]
print(sorted(pairs, key=lambda p: p[1]), list(map(lambda p: p[0] * 2, pairs)), list(filter(lambda p: p[0] > 1, pairs)))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3), (lambda x: (lambda y: x + y))(1)(2))
