s = {1, 2, 3}
s.add(4); s.discard(9); s.update([5], (6,)); print(s, s.issubset(range(10)), s.issuperset({1}), s.isdisjoint({0}))
print(s.union([7]), s.intersection({1, 2}, [2]), s.difference({1}), sorted(s.symmetric_difference({1, 99})), s.copy() == s)
s.intersection_update({1, 2, 3, 4}); s.difference_update({4}); print(s, s.pop() in {1, 2, 3}, len(s))
for f in [lambda: s.remove(99), lambda: set().pop(), lambda: {[]}, lambda: s.add({})]:
    try:
        f()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
