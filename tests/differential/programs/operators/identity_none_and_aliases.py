a = None
b = None
print(a is b, a is None, True is not False, (a is None) == (b is None))
x = [1]
y = x
x.append(2)
print(y, x is y, x == [1, 2], [1, 2] is not x)
