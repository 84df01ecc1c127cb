class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.c, o.c)])
    def __iadd__(self, o):
        self.c = [a + b for a, b in zip(self.c, o.c)]
        return self
    def __mul__(self, k):
        return Vec(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __eq__(self, o):
        return self.c == o.c
    def __repr__(self):
        return 'Vec' + str(tuple(self.c))
v = Vec(1, 2)
w = v
v += Vec(10, 10)
print(v, w, v is w, v + v, 3 * v, v * 2, Vec(1) == Vec(1))
