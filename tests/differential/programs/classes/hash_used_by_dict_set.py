class Code:
    def __init__(self, s):
        self.s = s.upper()
    def __eq__(self, o):
        return self.s == o.s
    def __hash__(self):
        return hash(len(self.s))
d = {Code('ab'): 1}
d[Code('AB')] = 2
d[Code('cd')] = 3
print(len(d), list(d.values()), Code('Cd') in d, len({Code('x'), Code('X'), Code('y')}))
