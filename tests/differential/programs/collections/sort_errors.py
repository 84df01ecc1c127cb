try:
    sorted([1, 'a', 2])
except TypeError as e:
    print(e)
try:
    [None, 1].sort()
except TypeError as e:
    print(e)
try:
    sorted([{'a': 1}, {'a': 2}])
except TypeError as e:
    print(e)
print(sorted([], key=len), sorted([[2], [1, 5], []]))
