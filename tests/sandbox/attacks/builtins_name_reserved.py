# attack: the builtins module by name
# expect: compile-error "builtins" is a reserved name.
import builtins
