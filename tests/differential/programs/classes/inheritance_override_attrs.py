class Base:
    kind = 'base'
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
    def describe(self):
        return f'{self.kind}:{len(self.items)}'
class Special(Base):
    kind = 'special'
    def add(self, x):
        return super().add(x * 2)
s = Special().add(1).add(2)
print(s.items, s.describe(), Base().add(1).describe(), Special.kind, Base.kind)
print(isinstance(s, Base), type(s).__name__, Special.__name__, issubclass(Special, Base))
