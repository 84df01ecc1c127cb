# attack: a chain of delegating generators
# expect: error RecursionError
def g(n):
    yield from g(n + 1)
next(g(0))
