def average(values):
    total = sum(values)
    return total / (len(values) - len(values))


print("start")
print(average([1, 2, 3]))
