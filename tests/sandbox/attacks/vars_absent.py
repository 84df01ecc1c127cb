# attack: vars() to read an object's namespace
# expect: error NameError name 'vars' is not defined
class A:
    pass
vars(A())
