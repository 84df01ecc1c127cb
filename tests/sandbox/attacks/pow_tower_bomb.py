# attack: 2 ** 10 ** 10 needs over a gigabyte
# expect: error MemoryError
2 ** 10 ** 10
