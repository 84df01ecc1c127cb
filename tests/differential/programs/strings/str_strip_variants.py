for s in ['  hi  ', 'xxhixx', '\t\n hi \r', '', 'hi']:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip('x')), repr(s.strip(' x')))
print('www.example.com'.strip('cmowz.'), 'abc'.removeprefix('ab'), 'abc'.removesuffix('bc'), 'abc'.removeprefix('x'))
try:
    'a'.strip(1)
except TypeError as e:
    print('TypeError', e)
