doc = {'name': 'X'}
print('before')
print(doc['customer'])
