vals = [1, 2, 0, 4]
try:
    print(sum(10 // v for v in vals))
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    print([int(x) for x in ['1', 'two']])
except ValueError as e:
    print(e)
