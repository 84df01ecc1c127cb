print(','.join(['a', 'b', 'c']), ''.join('xyz'), '-'.join(('1', '2')), ' '.join([]), '|'.join(['only']))
print(', '.join(str(x) for x in range(4)), '->'.join({'k1': 1, 'k2': 2}), ''.join(reversed('abc')))
try:
    ','.join([1, 2])
except TypeError as e:
    print(e)
try:
    ','.join(['a', None])
except TypeError as e:
    print(e)
