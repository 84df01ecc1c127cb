def validate(doc):
    if not doc:
        return 'empty'
    if 'name' not in doc:
        return 'no name'
    if not isinstance(doc.get('qty'), int):
        return 'qty not int'
    if doc['qty'] < 0:
        return 'negative'
    return 'ok'
for d in [None, {}, {'x': 1}, {'name': 'a', 'qty': '1'}, {'name': 'a', 'qty': -1}, {'name': 'a', 'qty': 3}]:
    print(repr(d), validate(d))
