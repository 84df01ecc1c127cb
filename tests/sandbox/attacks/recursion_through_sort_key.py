# attack: recursion that re-enters the interpreter from native code
# expect: error RecursionError
def f(n):
    return sorted([1, 2], key=lambda x: f(n + 1))
f(0)
