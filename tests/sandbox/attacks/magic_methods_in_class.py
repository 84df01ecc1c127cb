# attack: dunder methods inside a class are allowed (attribute access to them is not)
# expect: ok
# output: <P 3> True 1
class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "<P %d>" % self.v
    def __eq__(self, other):
        return self.v == other.v
    def __len__(self):
        return 1
print(repr(P(3)), P(1) == P(1), len(P(2)))
