class A(Base, metaclass=Meta, flag=True):
    attr: int = 0
    other: str
class B(*mixins, **options):
    pass
class C(object):
    __slots__ = ('a', 'b')
