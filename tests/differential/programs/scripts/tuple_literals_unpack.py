pair = ('Acme', 1200)
name, amount = pair
print(name, amount)
for code, qty in [('A', 1), ('B', 2)]:
    print(code * qty)
a, b = 1, 2
a, b = b, a
print(a, b)
t = 1,
print(t, len(t), type(t).__name__)
(x, y), z = (1, 2), 3
print(x, y, z)
