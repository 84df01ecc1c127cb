# attack: 10 ** 10 ** 8
# expect: error MemoryError
10 ** 10 ** 8
