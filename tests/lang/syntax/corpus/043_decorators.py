@decorator
def f():
    pass
@decorator()
def f():
    pass
@decorator(arg)
@other.attr
@third[0]
def f():
    pass
@dec
class A:
    pass
@a.b.c
@x if y else z
def g(): pass
@(lambda f: f)
def h(): pass
