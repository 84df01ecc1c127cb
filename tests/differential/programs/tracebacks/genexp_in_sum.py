vals = ["1", "x"]
print(sum(int(v) for v in vals))
