# attack: eval of a string
# expect: compile-error Eval calls are not allowed.
x = eval("1 + 1")
