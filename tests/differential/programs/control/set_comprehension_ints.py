print({x % 5 for x in range(20)}, {x * x for x in [-2, -1, 0, 1, 2]}, sorted({len(w) for w in 'a bb cc ddd'.split()}))
