m = -2 ** 63
for a in [m, m + 1, 2 ** 63 - 1, -1, 1]:
    for b in [-1, 1, 2, -2, 3, 2 ** 63, -(2 ** 64)]:
        print(a // b, a % b, end=' ')
    print()
