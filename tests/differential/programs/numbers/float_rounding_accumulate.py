total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10) == 1.0, sum([0.1] * 10))
acc = 0
for p in [19.99, 5.01, 0.1, 0.2, 100.33]:
    acc += p
print(acc, round(acc, 2), f"{acc:.2f}", acc * 100, int(acc * 100))
