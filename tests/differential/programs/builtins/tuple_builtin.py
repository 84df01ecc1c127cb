print(tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple({'k': 1}), tuple(x * 2 for x in range(3)), tuple((1,)))
