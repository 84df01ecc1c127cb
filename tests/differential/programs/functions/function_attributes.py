def documented(a, b=1):
    """Returns the sum."""
    return a + b
print(documented.__name__, documented(1), documented(1, 2))
print(callable(documented), callable(5), callable(lambda: 0), callable(len), callable(int))
f = documented
print(f(1), f.__name__, (lambda: 0).__name__)
