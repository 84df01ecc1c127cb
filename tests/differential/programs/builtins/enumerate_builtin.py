print(list(enumerate('abc')), list(enumerate(['x'], 5)), list(enumerate((), 1)))
e = enumerate('xy')
print(next(e), next(e), next(e, 'end'))
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
