a = --x
b = -+-x
c = not not x
d = ~-~x
e = -(-x)
f = - x ** - y
