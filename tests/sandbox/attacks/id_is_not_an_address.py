# attack: learn heap addresses from id() (an address leak helps defeat ASLR): ids must still be stable, unique while alive, non-negative, and the hex in a default repr
# expect: ok
# output: True True True True True
a = []
b = []
f = lambda: 0
ids = [id(x) for x in [a, b, f]]
print(id(a) == id(a), id(a) != id(b), all(i >= 0 for i in ids), hex(id(f)) in repr(f), len(set(id(o) for o in [a, b, f, ids])) == 4)
