values = [4, 2, 0]
for v in values:
    print(round(100 / v, 2))
