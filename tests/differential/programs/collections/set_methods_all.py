s = {1, 2, 3}
s.add(4); s.discard(10); s.discard(1); s.remove(2); print(sorted(s))
print(sorted(s.union({9}, [8])), sorted(s.intersection({3, 4, 5})), sorted(s.difference([4])), sorted(s.symmetric_difference({4, 5})))
print(s.issubset({3, 4, 5}), s.issuperset({3}), s.isdisjoint({7}), {1} <= {1}, {1} < {1}, {1, 2} > {1})
t = s.copy(); t.update([10, 11]); t.intersection_update({3, 10, 11}); print(sorted(t), sorted(s))
t.difference_update({10}); t.symmetric_difference_update({3, 7}); print(sorted(t))
print(len(t), t.pop() in {7, 11}, len(t))
t.clear(); print(t, set(), len(t))
