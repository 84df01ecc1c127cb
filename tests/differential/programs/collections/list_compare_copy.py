a = [1, [2, 3]]
b = a.copy()
c = a[:]
d = list(a)
b[1].append(4)
print(a, b, c, d, a == b, a is b)
print([1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1, 'a'] == [1, 'a'])
