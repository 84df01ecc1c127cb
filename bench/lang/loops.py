# Integer arithmetic in nested loops: the dispatch loop and int fast paths.
total = 0
for i in range(300):
    for j in range(100):
        total += (i * j) % 7 - (i ^ j) // 3
    if total > 1000000:
        total -= 1000000
result = total
