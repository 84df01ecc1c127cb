class Base: pass
class Child(Base): pass
objs = [1, 1.0, 'a', [], (), {}, set(), None, True, Base(), Child(), range(1), len]
for o in objs:
    print(type(o).__name__, isinstance(o, (int, str)), isinstance(o, Base), type(o) is Base)
print(isinstance(True, int), issubclass(bool, int), issubclass(Child, (str, Base)), type(Child()) == Child)
print(type(5) == int, type('x').__name__, type(type(5)).__name__)
