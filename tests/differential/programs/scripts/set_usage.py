seen = set()
dups = []
for n in [3, 1, 3, 2, 1, 5]:
    if n in seen:
        dups.append(n)
    seen.add(n)
print(sorted(seen), dups, len(seen))
a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
names = sorted(set(['x', 'y', 'x', 'z']))
print(names, list(set([5, 5, 5])))
