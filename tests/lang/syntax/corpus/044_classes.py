class A:
    pass
class A():
    pass
class A(B):
    pass
class A(B, C):
    pass
class A(B, metaclass=M):
    pass
class A(*bases, **kw):
    pass
class A:
    x = 1
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f'A({self.x!r})'
    @property
    def value(self):
        return self.x
    @staticmethod
    def s():
        return 1
    @classmethod
    def c(cls):
        return cls()
    class Inner:
        pass
class B(A):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
