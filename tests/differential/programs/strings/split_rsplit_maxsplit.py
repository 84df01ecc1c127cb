s = 'a-b-c-d-e'
for n in [-1, 0, 1, 2, 10]:
    print(n, s.split('-', n), s.rsplit('-', n))
print(' a  b '.split(None, 0), ' a  b '.rsplit(None, 0), '  '.split(' '), 'abc'.rsplit('c'))
