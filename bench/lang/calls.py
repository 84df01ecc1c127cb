# Function calls with positional, default and keyword arguments, and recursion.
def add(a, b=1):
    return a + b


def scale(x, factor=2, offset=0):
    return x * factor + offset


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


acc = 0
for i in range(3000):
    acc = add(acc, i)
    acc = scale(acc, factor=1, offset=-i)
result = (acc, fib(16))
