# Binary operators whose special methods return NotImplemented: the reflected
# method is asked next, the subclass's first, and TypeError when none answers.
class Money:
    def __init__(self, amount):
        self.amount = amount
    def __add__(self, other):
        print("Money.__add__", type(other) is Money)
        if isinstance(other, Money):
            return Money(self.amount + other.amount)
        return NotImplemented
    def __radd__(self, other):
        print("Money.__radd__")
        if other == 0:
            return self
        return NotImplemented
    def __repr__(self):
        return "Money(%r)" % self.amount
class Points:
    def __radd__(self, other):
        print("Points.__radd__", type(other) is Money)
        return "points"
class Euro(Money):
    def __radd__(self, other):
        print("Euro.__radd__")
        return NotImplemented
class Cents(Money):
    pass
print(Money(2) + Money(3))
print(Money(2) + Points())
print(sum([Money(1), Money(2)]))
print(Money(1) + Euro(4))
print(Money(1) + Cents(5))
for left, right in [(Money(1), 5), (5, Money(1)), (Money(1), "x"), ("x", Money(1)), ([1], Money(1))]:
    try:
        print(left + right)
    except TypeError as e:
        print("TypeError:", e)
class Same:
    def __add__(self, other):
        print("Same.__add__")
        return NotImplemented
    def __radd__(self, other):
        print("Same.__radd__ must not run for the same type")
        return 0
try:
    Same() + Same()
except TypeError as e:
    print("TypeError:", e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        print("Acc.__iadd__", type(other) is Points)
        if isinstance(other, list):
            self.items += other
            return self
        return NotImplemented
    def __add__(self, other):
        print("Acc.__add__", type(other) is Points)
        return NotImplemented
a = Acc()
a += [1, 2]
print(a.items)
b = Acc()
try:
    b += 3
except TypeError as e:
    print("TypeError:", e)
c = Acc()
c += Points()
print(c)
