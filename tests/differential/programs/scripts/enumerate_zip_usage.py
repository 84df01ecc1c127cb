names = ['a', 'b', 'c']
qtys = [1, 2, 3, 4]
for i, n in enumerate(names):
    print(i, n)
for n, q in zip(names, qtys):
    print(n, q)
print(list(enumerate(names, 1)), list(zip(names, qtys)))
print(dict(zip(names, qtys)))
