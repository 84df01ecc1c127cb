# attack: RestrictedPython's `printed` as a parameter
# expect: compile-error "printed" is a reserved name.
def f(printed):
    return printed
