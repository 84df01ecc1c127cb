# attack: Zope-style role attributes
# expect: compile-error "view__roles__" is an invalid attribute name because it ends with "__roles__".
x = 1
x.view__roles__
