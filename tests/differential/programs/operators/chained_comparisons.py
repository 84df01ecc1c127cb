x = 5
print(1 < x < 10, 10 > x > 1, 1 < x > 3, 1 < 2 < 3 < 4 < 0, x == 5 == 5.0)
print(1 < 2 > 1.5 != 3, 'a' < 'b' < 'c', [1] < [2] <= [2])
calls = []
def f(v):
    calls.append(v)
    return v
print(f(1) < f(0) < f(2), calls)
calls.clear()
print(f(1) < f(2) < f(3), calls)
print(0 < x is not None, x in [5] in [[5]])
