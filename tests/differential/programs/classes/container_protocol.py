class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
b = Bag(3, 1, 2)
print(len(b), b[0], b[-1], b[0:2], 2 in b, 9 in b, list(b), sorted(b), bool(b))
b[0] = 30
del b[1]
print(list(b), [x * 2 for x in b], sum(b), max(b))
