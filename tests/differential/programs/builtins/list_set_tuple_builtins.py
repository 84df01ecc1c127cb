print(list(), list('abc'), list(range(3)), list({'x': 1}), list((1, 2)), list(x for x in 'hi'))
print(sorted(set('hello')) , set(), set([1, 2, 1]), tuple(), tuple([1]), tuple('ab'), tuple({1: 2}))
try:
    list(5)
except TypeError as e:
    print(e)
