# attack: a refused allocation is an ordinary MemoryError (nothing was allocated)
# expect: ok
# output: refused
try:
    "x" * 10**10
except MemoryError:
    print("refused")
