print(len(''), len('abc'), len('日本'), len([1, 2]), len(()), len({'a': 1}), len({1, 2, 2}), len(range(10, 0, -3)), len(b'ab'))
for bad in [5, None, 1.5, iter([])]:
    try:
        len(bad)
    except TypeError as e:
        print(e)
