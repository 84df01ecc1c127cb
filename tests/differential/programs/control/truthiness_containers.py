class Box:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
for v in [[], [[]], {}, {0: 0}, set(), {0}, (), ((),), '', ' ', range(0), range(1), Box(0), Box(2), 0, 0.0, -0.0, 1e-300]:
    print(bool(v), 'yes' if v else 'no')
