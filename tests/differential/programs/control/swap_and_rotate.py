a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
L = [1, 2, 3, 4]
L[0], L[-1] = L[-1], L[0]
print(L)
L = L[1:] + L[:1]
print(L)
