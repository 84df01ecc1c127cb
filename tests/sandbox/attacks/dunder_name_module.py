# attack: module dunders
# expect: compile-error "__name__" is an invalid variable name because it starts with "_"
print(__name__)
