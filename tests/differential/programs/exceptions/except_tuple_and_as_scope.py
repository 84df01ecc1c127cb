e = 'before'
try:
    raise TypeError('t')
except (ValueError, TypeError) as e:
    print('caught', e)
try:
    print(e)
except NameError as err:
    print('NameError:', err)
