# attack: "private" attributes are refused too
# expect: compile-error "_private" is an invalid attribute name because it starts with "_".
class A:
    pass
A()._private = 1
