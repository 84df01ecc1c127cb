data = {'n': 5, 'price': 2.5, 'name': 'pen'}
print('%(n)d x %(name)s @ %(price).2f = %(total).2f' % dict(data, total=data['n'] * data['price']))
print('%*.*f|%-*d|' % (10, 3, 3.14159, 5, 42))
print('%5s|%-5s|%.1s|%%' % ('ab', 'cd', 'ef'))
print('%o %x %X %e %E %g' % (64, 3054, 3054, 0.000123, 123000.0, 0.5))
