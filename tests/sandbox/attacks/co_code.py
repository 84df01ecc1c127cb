# attack: raw bytecode
# expect: compile-error "co_code" is a restricted name, that is forbidden to access in RestrictedPython.
def f():
    pass
c = f
c.co_code
