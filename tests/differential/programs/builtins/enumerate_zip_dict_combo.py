keys = ['a', 'b', 'c']
vals = [1, 2, 3]
d = {k: v for k, v in zip(keys, vals)}
print(d, {i: k for i, k in enumerate(keys)}, list(zip(d, d.values(), range(10, 13))))
print(dict(enumerate('xy', 1)), list(map(lambda kv: kv[0] * kv[1], d.items())))
