a, *b = [1, 2, 3]
*c, d = 'xyz'
e, *f, g = range(6)
h, *i = (1,)
print(a, b, c, d, e, f, g, h, i)
[j, k], l = 'ab', 3
print(j, k, l)
for first, *rest in [(1, 2, 3), (4,)]:
    print(first, rest)
print([*'ab', *[1]], (*range(2),), {**{'a': 1}, **{'b': 2}})
