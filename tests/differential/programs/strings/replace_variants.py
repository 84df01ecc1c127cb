s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 1), s.replace('one', '1', 0), s.replace('one', '1', -1))
print(s.replace('', '.'), 'abc'.replace('', '-', 2), s.replace('x', 'y'), s.replace(' ', ''), ''.replace('', 'X'))
print('aaaa'.replace('aa', 'b'), 'ééé'.replace('é', 'e'))
