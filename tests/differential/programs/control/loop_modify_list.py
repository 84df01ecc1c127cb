L = [1, 2, 3, 4, 5, 6]
for x in L[:]:
    if x % 2 == 0:
        L.remove(x)
print(L)
out = []
for x in L:
    out.append(x)
    if len(out) < 5:
        L.append(x * 10)
print(out, L)
