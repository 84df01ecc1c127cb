# a comment line
x = 1  # trailing comment
y = (1 +
     2 +  # inside parens
     3)
z = [
    1,
    2,
]
w = 1 + \
    2
if x: print('one-line if')
for i in range(2): print(i)
a = 1; b = 2; print(a + b)
print(x, y, z, w)
