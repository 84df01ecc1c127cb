global a
global a, b, c
def f():
    global x
    nonlocal_name = 1
def g():
    x = 1
    y = 2
    def h():
        nonlocal x
        x = 2
    def i():
        nonlocal x, y
    return h
