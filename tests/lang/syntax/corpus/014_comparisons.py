a = x < y
b = x < y < z
c = x == y != z
d = x is None
e = x is not None
f = x in y
g = x not in y
h = 1 <= x <= 10
i = a < b > c <= d >= e == f != g
j = not x in y
k = x is not y is z
l = (a < b) == (c > d)
