# attack: justify to 10 GB
# expect: error MemoryError
"a".ljust(10**10)
