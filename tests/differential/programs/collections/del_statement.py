L = [0, 1, 2, 3, 4, 5]
del L[0]
del L[-1]
del L[1:3]
print(L)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
x = 5
del x
try:
    print(x)
except NameError as e:
    print(e)
a, b = 1, 2
del a, b
try:
    del d['zz']
except KeyError as e:
    print('KeyError', e)
