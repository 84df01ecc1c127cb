# attack: a 10 GB string
# expect: error MemoryError
"x" * 10**10
