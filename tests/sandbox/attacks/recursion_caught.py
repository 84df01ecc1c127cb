# attack: catching RecursionError to keep going
# expect: error RecursionError
# never: caught
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError:
    print("caught")
