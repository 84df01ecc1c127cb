grid = {}
for x in range(3):
    for y in range(2):
        grid[(x, y)] = x * 10 + y
print(grid)
print(grid[(2, 1)], (1, 1) in grid, hash((1, 2)) == hash((1, 2)))
try:
    {([1], 2): 'x'}
except TypeError as e:
    print(e)
