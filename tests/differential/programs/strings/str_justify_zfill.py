for s in ['ab', '', 'abcdef', '-42', '+7', '日本']:
    print(repr(s.center(7)), repr(s.center(8, '*')), repr(s.ljust(5, '.')), repr(s.rjust(5)), s.zfill(6))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print('TypeError', e)
