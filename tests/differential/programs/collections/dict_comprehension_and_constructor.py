print({k: v for k, v in [('a', 1), ('b', 2)]}, {i: i * i for i in range(5) if i % 2})
print(dict(a=1, b=2), dict([('x', 1)], y=2), dict({'p': 1}), dict(zip('abc', range(3))), dict())
print({v: k for k, v in {'a': 1, 'b': 1}.items()})
try:
    dict([('a', 1, 2)])
except ValueError as e:
    print(e)
