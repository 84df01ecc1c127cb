print(sorted([3, 1, 2]), sorted('cba'), sorted([3, 1, 2], reverse=True), sorted({'b': 1, 'a': 2}), sorted([1.5, -2, 0]))
print(sorted(['a', 'B', 'c'], key=str.lower), sorted([[2, 1], [1, 2], [1]]), sorted((x % 3 for x in range(7))))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(e)
