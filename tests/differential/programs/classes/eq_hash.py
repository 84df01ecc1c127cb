class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
a, b, c = Key(1), Key(1), Key(2)
print(a == b, a != b, a == c, a is b, a == 1, len({a, b, c}), {a: 'x'}[b], a in [b])
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print(e)
print(NoHash() == 5, NoHash() != 5)
