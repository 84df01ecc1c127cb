def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(10), c2(), c1())
def make_multipliers():
    return [lambda x, k=k: x * k for k in range(4)]
print([m(10) for m in make_multipliers()])
def outer():
    x = 'outer'
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
