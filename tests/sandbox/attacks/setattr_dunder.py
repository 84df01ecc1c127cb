# attack: writing a dunder through setattr
# expect: error AttributeError "__class__" is an invalid attribute name
class A:
    pass
setattr(A(), "__class__", int)
