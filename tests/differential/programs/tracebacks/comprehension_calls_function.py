def g(x):
    return 10 // x
print([g(y) for y in [1, 0]])
