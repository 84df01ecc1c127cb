a = 1 + 2 * 3 - 4 / 5 // 6 % 7
b = 2 ** 3 ** 2
c = -2 ** 2
d = (-2) ** 2
e = ~x + +y - -z
f = a @ b
g = a << 2 >> 1
h = a & b | c ^ d
i = a | b & c
j = 2 ** -1
k = not a == b
l = a if b else c if d else e
m = (a + b) * (c - d)
n = a * (b + c)
o = a - b - c
p = a / b / c
q = a ** b ** c
