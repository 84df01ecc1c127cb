# attack: comparisons that clear and refill the list being sorted (items must not be freed under the sort)
# expect: error ValueError list modified during sort
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        l.clear()
        l.append(K(0))
        return self.v < other.v
l = [K(3), K(1), K(2), K(5), K(4)]
l.sort()
