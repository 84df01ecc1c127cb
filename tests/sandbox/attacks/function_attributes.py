# attack: Python 2 style function internals
# expect: error AttributeError
def f():
    pass
print(f.func_globals)
