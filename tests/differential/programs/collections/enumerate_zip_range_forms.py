names = ['a', 'b', 'c']
print(list(enumerate(names)), list(enumerate(names, 1)), list(zip(names, range(10))), list(range(10, 0, -3)), list(range(2, 3)))
print(dict(enumerate(names)), [i * j for i, j in zip(range(3), range(3, 6))], list(reversed(range(5))), range(5)[-1], len(range(0, 100, 7)))
for i, (a, b) in enumerate(zip('xy', 'zw'), start=10):
    print(i, a, b)
