x = 0
assert x,
