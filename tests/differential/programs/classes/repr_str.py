class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
class Named(Point):
    def __str__(self):
        return f"<{self.x}, {self.y}>"
p = Point(1, 'a')
n = Named(2, 3)
print(p, repr(p), str(p), [p], f"{p}", f"{p!r}")
print(n, repr(n), [n], f"{n}", '%s %r' % (n, n), str([n, p]))
