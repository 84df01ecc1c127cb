a = -1 ** 2
b = (-1) ** 2
c = 2 ** -1
d = -2 ** -2
e = not -a
f = ~a ** b
g = a ** b ** c ** d
h = +a ** -b
