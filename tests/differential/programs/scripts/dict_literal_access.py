row = {'name': 'INV-0001', 'customer': 'Acme', 'grand_total': 1250.5, 'items': [{'item': 'A', 'qty': 2}, {'item': 'B', 'qty': 3}]}
print(row['name'])
print(row['items'][1]['item'])
total_qty = 0
for it in row['items']:
    total_qty += it['qty']
print('total qty', total_qty)
row['status'] = 'Paid'
row['grand_total'] = row['grand_total'] * 2
print(row)
print(len(row), list(row.keys()))
