calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3) < v(0) < v(5))
print(calls)
calls.clear()
print(v(5) > v(6) > v(7), calls)
