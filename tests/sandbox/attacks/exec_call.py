# attack: exec of a string
# expect: compile-error Exec calls are not allowed.
exec("import os")
