s = 'aaa-bbb-aaa'
print(s.replace('a', 'x'), s.replace('a', 'x', 2), s.replace('', '|'), s.replace('aaa', ''), s.replace('zz', 'y'), 'abc'.replace('', '-', 2))
