x = 'outer'
l = [x for x in range(3)]
print(x, l, [y * 2 for y in range(5) if y % 2], [(i, j) for i in range(3) for j in range(i)], {c for c in 'hello'} == set('helo'))
g = (n * n for n in range(4))
print(next(g), list(g), list(g), sum(n for n in range(101)), any(n > 3 for n in [1, 5]), all([]), any([]))
matrix = [[1, 2], [3, 4]]
print([row[i] for i in range(2) for row in matrix], [[r[i] for r in matrix] for i in range(2)])
