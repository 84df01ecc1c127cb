# attack: replace that would build a 10**11 byte string in native code
# expect: error MemoryError
s = "a" * 1000000
s.replace("a", "b" * 100000)
