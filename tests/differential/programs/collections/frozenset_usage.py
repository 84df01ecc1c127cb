f = frozenset([3, 1, 2])
print(sorted(f), len(f), 2 in f, f | {9}, f & {1, 5}, type(f | {9}).__name__, {1, 2} | f)
print(hash(f) == hash(frozenset([1, 2, 3])), {f: 'ok'}[frozenset({1, 2, 3})], f == {1, 2, 3})
try:
    f.add(4)
except AttributeError as e:
    print(e)
