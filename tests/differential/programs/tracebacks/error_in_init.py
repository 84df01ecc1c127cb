class A:
    def __init__(self, n):
        self.n = 10 / n
a = A(0)
