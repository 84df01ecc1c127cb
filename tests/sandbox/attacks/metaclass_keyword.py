# attack: a metaclass to hook class creation
# expect: compile-error The keyword argument "metaclass" is not allowed.
class M(type):
    pass
class C(metaclass=M):
    pass
