# attack: lambda parameter with an underscore name
# expect: compile-error "_x" is an invalid variable name because it starts with "_"
f = lambda _x: _x
