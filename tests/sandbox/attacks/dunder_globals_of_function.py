# attack: pivot through a function's globals
# expect: compile-error "__globals__" is an invalid attribute name because it starts with "_".
def f():
    pass
f.__globals__
