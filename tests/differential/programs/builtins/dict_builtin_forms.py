print(dict(), dict(a=1), dict([(1, 2), [3, 4]]), dict({'x': 1}, y=2), dict(zip(range(3), 'abc')), dict(dict(k='v')))
try:
    dict([1, 2])
except TypeError as e:
    print(e)
