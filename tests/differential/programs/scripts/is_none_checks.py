values = {'a': None, 'b': 0, 'c': '', 'd': 'x'}
for k, v in values.items():
    print(k, v is None, v is not None, v == None, not v)
def find(key):
    return values.get(key)
r = find('zz')
if r is None:
    print('missing')
