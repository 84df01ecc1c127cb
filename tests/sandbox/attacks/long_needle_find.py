# attack: worst case for a naive substring search (quadratic: hours)
# expect: ok
# output: -1 -1 False
s = "a" * 4000000
needle = "a" * 2000000 + "b"
print(s.find(needle), s.rfind(needle), needle in s)
