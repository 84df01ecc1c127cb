# attack: padding to 10 GB
# expect: error MemoryError
"a".zfill(10**10)
