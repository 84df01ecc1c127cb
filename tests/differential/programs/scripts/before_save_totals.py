doc = {'doctype': 'Sales Order', 'customer': 'Acme', 'discount_percentage': 10,
       'items': [{'item_code': 'A', 'qty': 2, 'rate': 100.0}, {'item_code': 'B', 'qty': 3, 'rate': 33.33}, {'item_code': 'C', 'qty': 0, 'rate': 5.0}]}
doc['total_qty'] = 0
doc['total'] = 0
for item in doc['items']:
    item['amount'] = item['qty'] * item['rate']
    doc['total_qty'] += item['qty']
    doc['total'] += item['amount']
doc['discount_amount'] = round(doc['total'] * (doc['discount_percentage'] or 0) / 100, 2)
doc['grand_total'] = round(doc['total'] - doc['discount_amount'], 2)
doc['in_words'] = f"{doc['grand_total']:,.2f} only"
print(doc['total_qty'], doc['total'], doc['discount_amount'], doc['grand_total'], doc['in_words'])
print([i['amount'] for i in doc['items']])
