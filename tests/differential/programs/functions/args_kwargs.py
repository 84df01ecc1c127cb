def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3), f(*'ab', **{'x': 1}))
def g(first, *rest, sep='-', **opts):
    return sep.join(str(x) for x in (first,) + rest) + str(sorted(opts.items()))
print(g(1), g(1, 2, 3, sep='+'), g('a', 'b', z=1, y=2))
def h(a, b, c):
    return a + b + c
print(h(*[1, 2], 3), h(1, *(2, 3)), h(**{'a': 1, 'b': 2, 'c': 3}), h(1, *[2], **{'c': 3}))
