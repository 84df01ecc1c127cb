class P:
    def __init__(self):
        self.a = 1
        self.b = 2
p = P()
print(vars(p), sorted(vars(p)), 'a' in vars(p))
