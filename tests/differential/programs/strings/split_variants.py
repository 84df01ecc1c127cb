s = '  a  b\tc\nd  '
print(s.split(), s.split(None, 1), s.split(' '), s.rsplit(None, 1), s.rsplit())
print('a,b,,c,'.split(','), 'a,b,,c,'.split(',', 2), 'a,b,,c,'.rsplit(',', 2), ''.split(','), ''.split())
print('abcabc'.split('bc'), 'x'.split('x'), '1<>2<>3'.split('<>'), 'a b c'.split(maxsplit=1), 'a b c'.rsplit(' ', maxsplit=1))
try:
    'abc'.split('')
except ValueError as e:
    print(e)
