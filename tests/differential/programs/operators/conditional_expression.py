for v in [-5, 0, 5]:
    print(v, 'neg' if v < 0 else 'zero' if v == 0 else 'pos')
print((lambda x: 'even' if x % 2 == 0 else 'odd')(3))
print([x if x % 2 else -x for x in range(5)])
print(1 if [] else 2 if {} else 3 if '' else 4)
