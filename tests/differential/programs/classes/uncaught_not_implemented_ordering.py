# Both operands answer NotImplemented: the ordering is a TypeError.
class Weight:
    def __init__(self, kg):
        self.kg = kg
    def __lt__(self, other):
        if isinstance(other, Weight):
            return self.kg < other.kg
        return NotImplemented
    def __gt__(self, other):
        if isinstance(other, Weight):
            return self.kg > other.kg
        return NotImplemented
print(sorted([Weight(3), Weight(1)])[0].kg)
print(sorted([Weight(3), 1]))
