# attack: bytes(n) with a huge n
# expect: error MemoryError
bytes(10**10)
