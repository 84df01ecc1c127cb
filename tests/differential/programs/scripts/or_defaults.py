doc = {'title': None, 'qty': 0, 'rate': 12.5, 'note': ''}
title = doc['title'] or ''
qty = doc['qty'] or 0
rate = doc['rate'] or 0
note = doc.get('note') or 'no note'
missing = doc.get('missing') or 'default'
print(repr(title), qty, rate, note, missing)
print(None or 0 or '' or [] or 'last')
print(1 and 2 and 3)
print(0 and 1/0)
print('' or None)
print(float(doc['qty'] or 0) + float(doc['rate'] or 0))
