# == and != give back what __eq__ / __ne__ return, not its truth (query
# builders return criteria); the right operand's __eq__ answers when only
# it has one.
class Expr:
    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return Expr("(%s = %r)" % (self.text, other))

    def __ne__(self, other):
        return Expr("(%s <> %r)" % (self.text, other))

    def __repr__(self):
        return "Expr" + self.text


class OnlyEq:
    def __eq__(self, other):
        return 7


x = Expr("x")
print(x == 1, x != "a", 1 == x)
print(OnlyEq() == 0, OnlyEq() != 0)
print(5 == OnlyEq(), 5 != OnlyEq())


class OnlyNe:
    def __ne__(self, other):
        return "ne"


# The left operand's __eq__ decides != before the right one's __ne__.
print(OnlyEq() != OnlyNe(), OnlyNe() != OnlyEq(), 1 != OnlyNe())
print([x == 2][0])
