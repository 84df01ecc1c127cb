def f():
    pass
def f(a):
    return a
def f(a, b):
    return
def f(a=1):
    pass
def f(a, b=1, c=2):
    pass
def f(*args):
    pass
def f(**kwargs):
    pass
def f(*args, **kwargs):
    pass
def f(a, *, b):
    pass
def f(a, *, b=1, c):
    pass
def f(a, /):
    pass
def f(a, /, b):
    pass
def f(a=1, /, b=2):
    pass
def f(a, b, /, c, d, *, e, f):
    pass
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs):
    pass
def f(a,):
    pass
def f(*, a,):
    pass
def f(**kw,):
    pass
