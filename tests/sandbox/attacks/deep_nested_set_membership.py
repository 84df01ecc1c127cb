# attack: set lookup that hashes deep tuples
# expect: error RecursionError
t = ()
for i in range(100000):
    t = (t,)
print(t in {1, 2})
