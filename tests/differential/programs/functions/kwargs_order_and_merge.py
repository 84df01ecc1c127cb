def show(**kw):
    return ', '.join(f'{k}={v}' for k, v in kw.items())
print(show(b=1, a=2), show(**{'z': 1}, y=2), show(**{'a': 1}, **{'b': 2}))
try:
    show(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print(e)
def f(a, **rest):
    return a, rest
print(f(1, a2=2), f(a=1, b=2))
