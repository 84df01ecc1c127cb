# attack: generator code object constants
# expect: compile-error "gi_code" is a restricted name, that is forbidden to access in RestrictedPython.
g = (i for i in [1])
print(g.gi_code)
