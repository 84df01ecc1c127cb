# attack: import through the builtins mapping
# expect: compile-error "__builtins__" is an invalid variable name because it starts with "_"
__builtins__["__import__"]("os")
