a = 1
print(0 < a < "x")
