limit = None
print(int(limit))
