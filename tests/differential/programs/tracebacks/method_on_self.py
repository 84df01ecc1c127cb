class Cart:
    def __init__(self):
        self.items = []

    def add(self, name, qty):
        self.items.append((name, qty))

    def total_qty(self):
        return sum(q for _, q in self.items) + self.discount


cart = Cart()
cart.add("a", 2)
print(cart.total_qty())
