print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([], 5), sum(range(101)), sum([0.1] * 10), sum([[1], [2]], []), sum([True, True]), sum((1, 2), start=10))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print(e)
try:
    sum([1, 'a'])
except TypeError as e:
    print(e)
