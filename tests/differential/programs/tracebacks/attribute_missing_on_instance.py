class Invoice:
    def __init__(self, total):
        self.total = total


inv = Invoice(10)
print(inv.total)
print(inv.grand_total)
