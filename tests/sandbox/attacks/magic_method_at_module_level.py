# attack: magic method names are only allowed inside a class
# expect: compile-error "__init__" is an invalid variable name because it starts with "_"
def __init__(self):
    pass
