def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper, cache
def slow_fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib, fib_cache = memo(slow_fib)
print(fib(80), len(fib_cache), sorted(fib_cache)[:5])
