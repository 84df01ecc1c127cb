s = 'filename.tar.gz'
print(s.startswith('file'), s.startswith('name', 4), s.startswith('name', 4, 6), s.endswith('.gz'), s.endswith(('.zip', '.gz')))
print(s.endswith('tar', 0, 12), s.startswith(''), ''.startswith(''), s.startswith(('x', 'y')), s.endswith('gz', -2))
try:
    s.startswith(['file'])
except TypeError as e:
    print(e)
