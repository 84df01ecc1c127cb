e1 = ValueError('x')
e2 = ValueError('x')
print(e1 == e2, e1 == e1, e1.args == e2.args, str(e1) == str(e2))
e1.extra = 'custom attribute'
print(e1.extra, isinstance(e1, ValueError))
try:
    raise e1
except ValueError as caught:
    print(caught is e1, caught.extra)
