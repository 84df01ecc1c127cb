print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(1, 7, 2))), list(reversed(())), ''.join(reversed('stressed')))
r = reversed([1, 2])
print(next(r), next(r), next(r, 'done'))
