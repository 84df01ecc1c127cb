# attack: expandtabs that would build gigabytes
# expect: error MemoryError
("\t" * 1000000).expandtabs(100000)
