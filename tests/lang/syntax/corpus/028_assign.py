a = 1
a = b = c = 1
a, b = 1, 2
(a, b) = (1, 2)
[a, b] = [1, 2]
a, (b, c) = 1, (2, 3)
a, *b = c
*a, b = c
a, *b, c = d
[a, *b] = c
(a) = 1
a[0] = 1
a.b = 1
a[0].b[1] = 2
a = yield_value = 3
x = y = z
a, b = b, a
