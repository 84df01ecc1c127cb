print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed(range(4))), list(reversed('ab')), list(reversed({'a': 1, 'b': 2})))
print(list(enumerate('abc', start=-1)), list(enumerate([])))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
