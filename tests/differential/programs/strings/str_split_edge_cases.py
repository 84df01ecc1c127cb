for s in ['a,b,,c', ',a,', '', '  a  b  ', 'a\tb\nc', 'one']:
    print(repr(s), s.split(','), s.split(), s.split(',', 1), s.rsplit(',', 1), s.split(None, 1))
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError', e)
print('a b c'.rsplit(None, 1), 'x'.partition('y'), 'a=b=c'.partition('='), 'a=b=c'.rpartition('='))
