print('a,b'.split(','), [3, 1, 2].index(1), {'k': 1}.get('k'), (1, 2).count(1), ' x '.strip().upper())
print('{}-{}'.format(*'ab'), 'abc'[::-1].upper(), [1, 2, 3][1:][::-1], {1: 'a'}.items())
