items = [{'item': 'A', 'qty': 2, 'rate': 10.0}, {'item': 'B', 'qty': 0, 'rate': 5.5}, {'item': 'C', 'qty': 7, 'rate': 1.25}]
names = [i['item'] for i in items]
print(names)
nonzero = [i['item'] for i in items if i['qty']]
print(nonzero)
total = sum(i['qty'] * i['rate'] for i in items)
print(total)
print(any(i['qty'] == 0 for i in items), all(i['rate'] > 0 for i in items))
qtys = {i['item']: i['qty'] for i in items}
print(qtys)
print(sorted({i['qty'] for i in items}))
