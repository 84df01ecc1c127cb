# attack: replace of the empty string between every character
# expect: error MemoryError
s = "a" * 1000000
s.replace("", "b" * 100000)
