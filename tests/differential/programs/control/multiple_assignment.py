a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
i = 0
L = [10, 20, 30]
i, L[i] = 1, 99
print(i, L)
p = q = 5
p += 1
print(p, q)
