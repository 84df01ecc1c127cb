t = (1, 2, 2, 3)
print(t.count(2), t.index(2), t.index(3, 1), t[1:3], t * 2, t + (4,), (1,) < (1, 2), max(t), sum(t), tuple('ab'))
a, *rest = t; print(a, rest)
for f in [lambda: t.index(9), lambda: t[9], lambda: t + [1], lambda: hash(([],))]:
    try:
        f()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
