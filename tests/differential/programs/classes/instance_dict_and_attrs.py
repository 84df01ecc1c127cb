class C:
    def __init__(self):
        self.a = 1
c = C()
c.b = 2
print(hasattr(c, 'a'), getattr(c, 'b'), getattr(c, 'zz', 'dflt'))
setattr(c, 'c', 3)
print(c.a, c.b, c.c)
del c.a
try:
    c.a
except AttributeError as e:
    print(e)
print(hasattr(c, 'a'), type(c).__name__, C.__name__)
