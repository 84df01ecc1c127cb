d = {'a': 1, 'b': 2, 'a': 3}
print(d)
e = {1: 'int', 1.0: 'float', True: 'bool'}
print(e)
f = {'x': 1, **{'x': 2, 'y': 3}, 'y': 4}
print(f, len(f))
