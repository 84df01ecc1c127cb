class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    def __radd__(self, other):
        return self.__add__(other)
    def __sub__(self, other):
        return Money(self.cents - other.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    def __neg__(self):
        return Money(-self.cents)
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
a, b = Money(150), Money(275)
print(a + b, b - a, a * 3, -a, sum([a, b, Money(1)]), 5 + a)
try:
    a * b
except TypeError as e:
    print('TypeError', e)
try:
    a / 2
except TypeError as e:
    print(e)
