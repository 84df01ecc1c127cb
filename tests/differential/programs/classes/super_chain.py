class A:
    def __init__(self):
        self.log = ['A']
    def who(self):
        return 'A'
class B(A):
    def __init__(self):
        super().__init__()
        self.log.append('B')
    def who(self):
        return 'B>' + super().who()
class C(B):
    def __init__(self):
        super().__init__()
        self.log.append('C')
    def who(self):
        return 'C>' + super().who()
c = C()
print(c.log, c.who(), B().who(), isinstance(c, A))
