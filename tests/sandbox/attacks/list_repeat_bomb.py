# attack: a list of a billion items
# expect: error MemoryError
[0] * 10**9
