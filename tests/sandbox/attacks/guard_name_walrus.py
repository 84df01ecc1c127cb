# attack: walrus binding an underscore name
# expect: compile-error "_w" is an invalid variable name because it starts with "_"
if (_w := 3):
    pass
