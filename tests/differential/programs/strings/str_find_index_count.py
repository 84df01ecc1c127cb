s = 'hello world, hello'
print(s.find('hello'), s.find('hello', 1), s.rfind('hello'), s.find('zz'), s.count('l'), s.count('hello', 1), s.count(''))
print(s.index('world'), s.rindex('o'), s.find('o', 5, 8), s.startswith(('x', 'he')), s.endswith('llo', 0, 5))
try:
    s.index('zz')
except ValueError as e:
    print('ValueError', e)
try:
    s.rindex('zz')
except ValueError as e:
    print('ValueError', e)
