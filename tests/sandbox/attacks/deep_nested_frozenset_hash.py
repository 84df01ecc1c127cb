# attack: hashing frozensets nested twenty thousand deep (element hashes are stored: no recursion)
# expect: ok
# output: True
s = frozenset()
for i in range(20000):
    s = frozenset([s])
print(hash(s) == hash(s))
