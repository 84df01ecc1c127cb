def f(x):
    try:
        print('try', x)
        if x == 1:
            return 'returned'
        if x == 2:
            raise ValueError('bad')
        print('try end')
    except ValueError as e:
        print('except', e)
        return 'from except'
    else:
        print('else')
        return 'from else'
    finally:
        print('finally', x)
for x in range(3):
    print('->', f(x))
