print(', '.join(['a', 'b']), ''.join([]), '-'.join('abc'), ' '.join(str(i) for i in range(3)))
for bad in [['a', 1], [None], ['a', b'b']]:
    try:
        ','.join(bad)
    except TypeError as e:
        print('TypeError', e)
