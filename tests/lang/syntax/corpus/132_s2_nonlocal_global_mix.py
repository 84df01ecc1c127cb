x = 0
def outer():
    y = 1
    def middle():
        global x
        nonlocal y
        x, y = y, x
        def inner():
            nonlocal y
            y += 1
        inner()
    middle()
    return y
