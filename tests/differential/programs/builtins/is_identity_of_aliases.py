a = [1]
b = a
print(a is b, [1] is [1] if False else False, None is None, (a == b) and (a is b))
