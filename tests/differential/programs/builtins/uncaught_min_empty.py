values = []
print(min(values))
