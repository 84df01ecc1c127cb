doc = {'items': [
    {'item_code': 'WIDGET', 'qty': 4, 'rate': 2.5, 'uom': 'Nos'},
    {'item_code': 'GADGET', 'qty': 1, 'rate': 99.99, 'uom': None},
    {'item_code': 'BOLT', 'qty': 100, 'rate': 0.05, 'uom': 'Nos'},
]}
total = 0
for idx, row in enumerate(doc['items'], start=1):
    row['amount'] = round(row['qty'] * row['rate'], 2)
    total += row['amount']
    print(idx, row['item_code'], row['amount'], row['uom'] or '-')
print('total', total, round(total, 2))
doc['total'] = total
print(sorted(doc.keys()))
