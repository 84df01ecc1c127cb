names = ['a', 'b', 'c']
scores = [90, 85]
print(list(zip(names, scores)), dict(zip(names, scores)), list(zip(names)), list(zip(*zip(names, scores))))
for i, (n, s) in enumerate(zip(names, scores)):
    print(i, n, s)
try:
    list(zip(names, scores, strict=True))
except ValueError as e:
    print(e)
