row = None
print(row.name)
