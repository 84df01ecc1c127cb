class Shape:
    sides = 0
    def area(self):
        raise NotImplementedError
    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f})"
class Rect(Shape):
    sides = 4
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
shapes = [Rect(2, 3), Square(4)]
shapes.sort(key=lambda s: s.area(), reverse=True)
