def make_entry(doctype, name=None, fields=None, limit=20, as_dict=False):
    return {'doctype': doctype, 'name': name, 'fields': fields or ['name'], 'limit': limit, 'as_dict': as_dict}

print(make_entry('Customer'))
print(make_entry('Item', fields=['item_code', 'rate'], limit=5))
print(make_entry(doctype='Task', as_dict=True, name='T-1'))
args = {'limit': 1, 'name': 'X'}
print(make_entry('User', **args))
