s = 'Invoice-2024-0001'
head, sep, tail = s.partition('-')
print(head, sep, tail, s.rpartition('-'), s.split('-', maxsplit=1), s.rsplit('-', maxsplit=1), s.lower().count('i'))
print('-'.join(reversed(s.split('-'))), s[s.index('-') + 1:], s.zfill(20), s.center(21, '='), s.title(), s.swapcase())
