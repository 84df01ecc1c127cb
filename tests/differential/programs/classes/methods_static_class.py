class Temp:
    scale = 'C'
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 2))
    @staticmethod
    def valid(deg):
        return deg > -273.15
    @property
    def kelvin(self):
        return self.deg + 273.15
t = Temp.from_f(212)
print(t.deg, t.kelvin, Temp.valid(-300), t.valid(0), type(t).__name__)
