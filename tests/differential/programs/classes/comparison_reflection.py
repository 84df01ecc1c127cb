class N:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('lt called', self.v, other.v)
        return self.v < other.v
    def __gt__(self, other):
        print('gt called', self.v, other.v)
        return self.v > other.v
a, b = N(1), N(2)
print(a < b)
print(a > b)
print(sorted([N(3), N(1)])[0].v)
