def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(matmul(identity, identity))
