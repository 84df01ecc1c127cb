pairs = [(1, 2), (3, 4, 5)]
for pair in pairs:
    first, second = pair
    print(first, second)
