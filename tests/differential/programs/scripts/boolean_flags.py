doc = {'is_return': 0, 'update_stock': 1, 'disabled': None, 'is_group': '0'}
print(bool(doc['is_return']), bool(doc['update_stock']), bool(doc['disabled']), bool(doc['is_group']), bool(int(doc['is_group'])))
if doc.get('update_stock') and not doc.get('is_return'):
    print('stock will update')
flags = [k for k, v in doc.items() if v]
print(flags)
print(int(True) + int(doc['update_stock']), doc['is_return'] or 'no', doc['disabled'] or 0)
