d = {'a': 1, 'b': 2}
try:
    for k in d:
        d['c'] = 3
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError', e)
for k in list(d):
    if k == 'a':
        del d[k]
print(d)
