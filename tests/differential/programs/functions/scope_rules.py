x = 'global'
def f():
    x = 'local'
    def g():
        return x
    return g()
def h():
    return x
print(f(), h(), x)
def shadow_builtin():
    len = lambda s: 42
    return len('abc')
print(shadow_builtin(), len('abc'))
def uses_later():
    return later_defined()
def later_defined():
    return 'found at call time'
print(uses_later())
