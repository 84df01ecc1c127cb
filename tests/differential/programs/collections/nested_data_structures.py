doc = {'name': 'SO-1', 'items': [{'item': 'A', 'qty': 2, 'rate': 10.5}, {'item': 'B', 'qty': 1, 'rate': 99.99}], 'meta': {'tags': ['x', 'y']}}
total = sum(i['qty'] * i['rate'] for i in doc['items'])
print(total, round(total, 2), f'{total:,.2f}', [i['item'] for i in doc['items'] if i['rate'] > 50], doc['meta']['tags'][-1])
doc['items'].append({'item': 'C', 'qty': 0, 'rate': 0})
print(len(doc['items']), sorted(doc['items'], key=lambda i: (-i['qty'], i['item']))[0]['item'], doc.get('missing', {}).get('x'))
print(doc)
