d = {'a': [1, 2], 'n': 0}
d['n'] += 5
d['a'][0] += 10
d['a'] += [3]
print(d)
class C:
    pass
c = C()
c.v = 1
c.v += 41
c.items = []
c.items += ['x']
print(c.v, c.items)
L = [1, 2, 3]
L[-1] *= 10
L[0:2] = [L[0] + L[1]]
print(L)
