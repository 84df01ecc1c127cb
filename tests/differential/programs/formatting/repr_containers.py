print(repr([1, 'a', 2.0, None, True, [], {}]), repr(('x',)), repr({'k': 'v', 1: (2,)}), repr([[], [[]]]))
print(repr({1, 2, 3}), repr(frozenset()), repr(set()), repr(range(3)), repr(range(1, 10, 2)), repr(slice(1, 2)))
print(str(['é', 'a\nb']), repr("'"), repr('"'), repr(['\'"']))
