items = ["a", "b", "c"]
print(items[2])
print(items[3])
