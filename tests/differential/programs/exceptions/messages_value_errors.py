cases = [lambda: int('abc'), lambda: int('1.5'), lambda: float('x'), lambda: [1].index(2), lambda: 'abc'.index('z'),
         lambda: [].remove(1), lambda: int('', 10), lambda: chr(-1), lambda: range(0, 1, 0), lambda: 'a,b'.split(''),
         lambda: divmod(1, 0), lambda: '{0}{}'.format(1, 2), lambda: (1, 2).index(5), lambda: int('12', 40)]
for c in cases:
    try:
        c()
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
