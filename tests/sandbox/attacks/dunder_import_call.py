# attack: __import__ by name
# expect: compile-error "__import__" is an invalid variable name because it starts with "_"
__import__("os").system("true")
