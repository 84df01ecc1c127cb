s = 'SINV-0001'
print(s.startswith('SINV'), s.startswith(('PINV', 'SINV')), s.endswith(('1', '2')), s.startswith('INV', 1), s.endswith('000', 0, 8))
for bad in [1, ['a'], ('a', 1)]:
    try:
        s.startswith(bad)
    except TypeError as e:
        print('TypeError', e)
