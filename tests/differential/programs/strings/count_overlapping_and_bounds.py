s = 'aaaa'
print(s.count('aa'), s.count('a', 1), s.count('a', -2), s.count('a', 1, -1), s.count('', 2), s.count('aaaaa'))
print('ababab'.find('ab', 1), 'ababab'.rfind('ab', 0, 5), 'ababab'.index('ba', 2), 'abc'.find('c', 5))
