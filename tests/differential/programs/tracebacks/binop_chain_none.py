def add_all(a, b, c, d):
    return a + b + c + d


print(add_all(1, 2, 3, 4))
print(add_all(1, 2, None, 4))
