class Registry:
    items = []
    count = 0
    def add(self, x):
        self.items.append(x)
        self.count += 1
r1, r2 = Registry(), Registry()
r1.add('a')
r2.add('b')
print(Registry.items, r1.count, r2.count, Registry.count, r1.items is r2.items)
