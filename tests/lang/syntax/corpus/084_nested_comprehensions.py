matrix = [[i * j for j in range(5)] for i in range(5)]
flat = [x for row in matrix for x in row if x % 2 if x > 2]
pairs = {(i, j): i + j for i in range(3) for j in range(3) if i != j}
unique = {x % 3 for row in matrix for x in row}
gen = ((i, j) for i in range(3) for j in range(i))
