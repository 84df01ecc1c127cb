L = [4, 1, 3]
print(len(L), sum(L), min(L), max(L), sorted(L), list(reversed(L)), any(L), all(L), all([]), any([]))
print(list(map(str, L)), list(filter(None, [0, 1, '', 'a', None])), list(zip(L, 'abc')), list(enumerate(L, 10)))
print(list(range(3)), list('ab'), list((1, 2)), list({'k': 1}), list({5}), L * 2, [L] * 2)
