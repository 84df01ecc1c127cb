class B:
    def __init__(self, x):
        self.x = x
class C(B):
    def __init__(self):
        super().__init__()
C()
