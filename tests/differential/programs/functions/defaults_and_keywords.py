def f(a, b=2, c='x'):
    return (a, b, c)
print(f(1), f(1, 3), f(1, c='y'), f(a=0, c='z', b=9), f(*[1, 2, 3]), f(1, **{'c': 'kw'}))
def g(items=None):
    items = items or []
    items.append(1)
    return items
print(g(), g(), g([5]))
def h(acc=[]):
    acc.append(len(acc))
    return acc
print(h(), h(), h())
