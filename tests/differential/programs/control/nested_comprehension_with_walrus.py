data = [[1, 2], [3, 4, 5], []]
print([total for row in data if (total := sum(row)) > 2], total)
print([(i, j) for i, row in enumerate(data) for j in row if j % 2])
print({len(row): row for row in data})
