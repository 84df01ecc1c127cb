d = {}
print(d.get((1, 2)))
d[(1, 2)]
