print('ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -1, 'a' < 'b', 'B' < 'a', 'abc' < 'abd', 'ab' < 'abc', 'é' > 'z', sorted(['b', 'B', 'a', 'A', '_', '1']))
try:
    'a' * 1.5
except TypeError as e:
    print('TypeError', e)
