adders = [lambda x, n=n: x + n for n in range(4)]
print([a(10) for a in adders])
key_funcs = {'neg': lambda v: -v, 'abs': abs, 'str': str}
data = [3, -10, 2]
for name, fn in key_funcs.items():
    print(name, sorted(data, key=fn))
