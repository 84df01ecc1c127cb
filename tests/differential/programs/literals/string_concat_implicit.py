s = 'abc' 'def' "ghi"
print(s)
t = ('first line, '
     'second part, '
     f'third {1 + 1}')
print(t)
print('a' r'\n' 'b')
