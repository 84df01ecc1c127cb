a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None)
print(type(1) is int, type(True) is bool, type(1.0) is not int)
x = None
print(x is None, x is not None, not x is None)
