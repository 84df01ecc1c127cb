for s in ['7', '42', '-5', '12345', 'abc', '', '12a', '٣']:
    print(repr(s), s.zfill(4), s.isdigit(), s.isnumeric(), s.isdecimal())
n = 7
print('INV-' + str(n).zfill(5))
