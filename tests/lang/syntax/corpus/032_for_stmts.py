for x in y:
    pass
for x, y in z:
    pass
for (x, y) in z:
    pass
for [x, y] in z:
    pass
for x in y, z:
    pass
for x in *a, *b:
    pass
for x in y:
    if x:
        break
    else:
        continue
else:
    done()
for i, (a, b) in enumerate(pairs):
    print(i, a, b)
for x.attr in y:
    pass
for x[0] in y:
    pass
for *a, b in c:
    pass
