def outer():
    a = 1
    def mid():
        nonlocal a
        a += 1
        def inner():
            nonlocal a
            a *= 10
        inner()
        return a
    r = mid()
    return r, a
print(outer())
def accumulate():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
add = accumulate()
print(add(1), add(2), add(3))
