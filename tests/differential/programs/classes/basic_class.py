class Invoice:
    tax_rate = 0.2
    def __init__(self, name, amount):
        self.name = name
        self.amount = amount
    def total(self):
        return self.amount * (1 + self.tax_rate)
    def describe(self):
        return f"{self.name}: {self.total():.2f}"
inv = Invoice('INV-1', 100)
print(inv.name, inv.amount, inv.total(), inv.describe(), Invoice.tax_rate)
inv.tax_rate = 0.1
print(inv.total(), Invoice.tax_rate, Invoice('X', 10).total())
Invoice.tax_rate = 0.5
print(Invoice('Y', 10).total(), inv.total())
