class C:
    def __init__(self):
        self.a = 1
c = C()
c.b = 2
print(sorted(vars(c).items()), c.__dict__, hasattr(c, 'a'), getattr(c, 'b'))
setattr(c, 'c', 3)
delattr(c, 'a')
print(c.__dict__)
try:
    c.a
except AttributeError as e:
    print(e)
del c.b
print(c.__dict__, type(c).__name__, C.__name__)
