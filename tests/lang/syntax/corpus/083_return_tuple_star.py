def f():
    return 1, *a
def g():
    x = *a, *b
    return x
