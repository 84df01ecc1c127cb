def f():
    return
def f():
    return 1
def f():
    return 1, 2
def f():
    return *a, b
def f():
    return (yield)
def f():
    return x if y else z
def f():
    return lambda: 1
