matrix = [[1, -2, 3], [-4, 5, -6], [7, -8, 9]]
print([x for row in matrix for x in row if x > 0 if x % 2])
print([[x if x > 0 else 0 for x in row] for row in matrix])
print({i: [x for x in row if x < 0] for i, row in enumerate(matrix)})
print(sum(x for row in matrix for x in row), max(max(r) for r in matrix))
