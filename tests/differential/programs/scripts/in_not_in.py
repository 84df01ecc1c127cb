roles = ['System Manager', 'Accounts User']
print('System Manager' in roles, 'Guest' in roles, 'Guest' not in roles)
status = 'Draft'
if status in ('Draft', 'Open'):
    print('editable')
if status not in ['Cancelled']:
    print('not cancelled')
d = {'a': 1, 'b': 2}
print('a' in d, 1 in d, 'c' not in d)
print('ell' in 'hello', '' in 'abc', 'z' in 'abc')
print(3 in range(5), 5 in range(5), 2 in {1, 2, 3})
