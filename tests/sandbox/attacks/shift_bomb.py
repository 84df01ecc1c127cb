# attack: a huge left shift
# expect: error MemoryError
1 << 10**10
