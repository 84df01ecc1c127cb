# Lists rebuilt many times in loops must not exhaust the memory budget:
# extend/+= with fresh copies, slicing back, in-place repeat and slice assignment.
L = [1, 2]
for a in range(200):
    L += list(L)
    L = L[:40]
print(len(L), sum(L))

M = [0]
for a in range(200):
    M *= 3
    M = M[:30]
    M[1:3] = [a, a + 1, a + 2]
print(len(M), M[:5])

rows = []
for i in range(20000):
    row = list(range(i % 17))
    rows = [row] + rows[:5]
print(len(rows), [len(r) for r in rows])
