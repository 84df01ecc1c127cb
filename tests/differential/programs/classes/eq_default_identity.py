class P:
    def __init__(self, v):
        self.v = v
a, b = P(1), P(1)
print(a == b, a == a, a != b, a in [b], a in [a], [a].count(a), [a, b].index(b))
class Q(P):
    def __eq__(self, o):
        return isinstance(o, P) and o.v == self.v
print(Q(1) == a, a == Q(1), Q(1) != Q(2))
