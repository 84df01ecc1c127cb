a, b = 0, 10
steps = []
while a < b and (b - a) % 7 != 0 or a == 0:
    a += 2
    b -= 1
    steps.append((a, b))
print(steps)
n = 100
while n:
    n //= 3
    print(n, end=' ')
print()
