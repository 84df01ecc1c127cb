x = 0
print('checking')
assert x
