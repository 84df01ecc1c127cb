# attack: frame globals by name
# expect: compile-error "f_globals" is a restricted name, that is forbidden to access in RestrictedPython.
x = None
x.f_globals
