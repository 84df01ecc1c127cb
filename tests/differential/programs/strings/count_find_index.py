s = 'abracadabra'
print(s.count('a'), s.count('abra'), s.count(''), s.count('a', 3), s.count('a', 3, 7), s.count('z'))
print(s.find('bra'), s.find('bra', 2), s.find('z'), s.rfind('bra'), s.rfind('a', 0, 5), s.find(''), s.rfind(''))
print(s.index('c'), s.rindex('a'), s.find('a', -3), s.find('a', -100, 100), 'aaa'.count('aa'))
try:
    s.index('z')
except ValueError as e:
    print(e)
try:
    s.rindex('q')
except ValueError as e:
    print(e)
