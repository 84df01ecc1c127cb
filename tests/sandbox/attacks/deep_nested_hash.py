# attack: hashing a tuple nested a hundred thousand deep
# expect: error RecursionError
t = ()
for i in range(100000):
    t = (t,)
hash(t)
