print(max(1, 2), max([1, 5, 3]), max('abc'), max([], default=0), max([1, -5], key=abs), max(1, 2, key=lambda x: -x))
print(min(3, 1, 2), min('hello'), min([(2, 'b'), (1, 'z'), (1, 'a')]), min([], default=None), min(['bb', 'a', 'ccc'], key=len))
print(max([2, 2.0]), max([2.0, 2]), min([1, True]), max('b', 'ab', 'abc'))
try:
    max([])
except ValueError as e:
    print(e)
try:
    min(1)
except TypeError as e:
    print(e)
