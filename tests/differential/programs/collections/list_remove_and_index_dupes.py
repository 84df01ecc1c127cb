L = [3, 1, 3, 2, 3]
L.remove(3)
print(L, L.index(3), L.index(3, 2), L.count(3))
while 3 in L:
    L.remove(3)
print(L)
