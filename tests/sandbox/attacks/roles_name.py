# attack: a name ending in __roles__
# expect: compile-error "view__roles__" is an invalid variable name because it ends with "__roles__".
view__roles__ = 1
