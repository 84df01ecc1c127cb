class InsufficientStock(Exception):
    pass
stock = {'A': 2}
def take(item, qty):
    if stock.get(item, 0) < qty:
        raise InsufficientStock(f'only {stock.get(item, 0)} of {item} left')
    stock[item] -= qty
take('A', 1)
print(stock)
take('A', 5)
