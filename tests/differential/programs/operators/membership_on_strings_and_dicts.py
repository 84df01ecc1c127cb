d = {'a': 1, 'b': None}
print('a' in d, None in d, None in d.values(), ('a', 1) in d.items(), 'ab' in 'cab', 'ba' not in 'cab')
print([1, 2] in [[1, 2]], 1 in {1.0}, 'A' in 'abc'.upper(), '' in '', ' ' in 'a b')
