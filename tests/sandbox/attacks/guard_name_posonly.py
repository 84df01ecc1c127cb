# attack: a positional-only parameter shadowing a guard name
# expect: compile-error "_getattr_" is an invalid variable name because it starts with "_"
def f(_getattr_=None, /):
    return 1
