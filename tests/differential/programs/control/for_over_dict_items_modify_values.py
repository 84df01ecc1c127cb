stock = {'a': 1, 'b': 0, 'c': 5}
for k, v in stock.items():
    stock[k] = v * 10
print(stock)
for k in list(stock):
    if not stock[k]:
        del stock[k]
print(stock)
