print('ab' * 3, 'ab' * 0, 'ab' * -2, 3 * 'x', '' * 100, '-' * 20)
print(['a'] * 2, len('xyz' * 1000), ('ab' * 2) * 2)
try:
    'a' * 'b'
except TypeError as e:
    print(e)
