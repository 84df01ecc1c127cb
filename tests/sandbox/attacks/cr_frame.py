# attack: coroutine frame attribute
# expect: compile-error "cr_frame" is a restricted name, that is forbidden to access in RestrictedPython.
x = 0
x.cr_frame
