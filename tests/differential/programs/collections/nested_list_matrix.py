m = [[i * 3 + j for j in range(3)] for i in range(3)]
print(m)
t = [list(row) for row in zip(*m)]
print(t)
print([row[::-1] for row in m[::-1]], sum(sum(r) for r in m), [m[i][i] for i in range(3)])
m[1][1] = 'X'
print(m)
