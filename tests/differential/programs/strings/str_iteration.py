s = 'hello'
print(list(s), tuple(s), set(s) == {'h', 'e', 'l', 'o'}, sorted(s), [c.upper() for c in s])
it = iter(s)
print(next(it), next(it), ''.join(it))
print(list(reversed(s)), list(enumerate('ab')), dict.fromkeys('aab'))
