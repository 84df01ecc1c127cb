# attack: join of one big string repeated by reference
# expect: error MemoryError
s = "x" * (8 * 1024 * 1024)
"".join([s] * 100)
