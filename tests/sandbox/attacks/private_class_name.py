# attack: an underscore class name
# expect: compile-error "_Hidden" is an invalid variable name because it starts with "_"
class _Hidden:
    pass
