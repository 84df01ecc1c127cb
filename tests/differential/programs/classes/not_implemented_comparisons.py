# Rich comparisons whose methods return NotImplemented: the other operand's
# reflected method, then identity for == and !=, TypeError for orderings.
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        print("Version.__eq__")
        if isinstance(other, Version):
            return self.n == other.n
        return NotImplemented
    def __lt__(self, other):
        print("Version.__lt__")
        if isinstance(other, Version):
            return self.n < other.n
        return NotImplemented
class Anything:
    def __eq__(self, other):
        print("Anything.__eq__")
        return True
    def __gt__(self, other):
        print("Anything.__gt__")
        return "greater"
class Latest(Version):
    def __gt__(self, other):
        print("Latest.__gt__")
        return True
v1 = Version(1)
print(v1 == Version(1), v1 == 1, 1 == v1, v1 != 1, v1 != Version(2))
print(v1 == v1, v1 == Anything(), Anything() == v1)
print(v1 < Version(2), v1 < Anything())
print(v1 < Latest(0))
print(Latest(3) < Version(1))
for left, right in [(v1, 3), (3, v1), (v1, "x"), (None, v1)]:
    try:
        print(left < right)
    except TypeError as e:
        print("TypeError:", e)
print(v1 in [1, 2, Version(1)], v1 in [1, 2], [Version(2)].count(2))
class Plain:
    pass
p = Plain()
print(p == p, p != p, p == Plain(), p != Plain(), p == 1, 1 != p)
class OnlyEq:
    def __eq__(self, other):
        print("OnlyEq.__eq__")
        return NotImplemented
o = OnlyEq()
print(o == o, o != o, o == 1, o != 1)
class Ne:
    def __ne__(self, other):
        print("Ne.__ne__")
        return NotImplemented
print(Ne() != 1, Ne() == 1)
print(NotImplemented, repr(NotImplemented), str(NotImplemented), type(NotImplemented))
print(NotImplemented is NotImplemented, type(NotImplemented)() is NotImplemented)
print(NotImplemented == NotImplemented, NotImplemented in [NotImplemented])
print({NotImplemented: 1}[NotImplemented])
