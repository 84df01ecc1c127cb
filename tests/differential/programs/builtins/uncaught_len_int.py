count = 10
print(len(count))
