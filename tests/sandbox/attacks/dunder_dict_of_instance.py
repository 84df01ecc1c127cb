# attack: read an object's attribute dict
# expect: compile-error "__dict__" is an invalid attribute name because it starts with "_".
class A:
    pass
A().__dict__
