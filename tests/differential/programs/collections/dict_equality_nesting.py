a = {'x': [1, 2], 'y': {'z': None}}
b = {'y': {'z': None}, 'x': [1, 2]}
print(a == b, list(a) == list(b), a != {'x': [1, 2]})
a['y']['z'] = a['x']
a['x'].append(3)
print(a, b)
