for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (7, 0.5), (10**20, 7), (-(10**20), 7)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
for a, b in [(1, 0), (1.0, 0), (1, 0.0)]:
    for op in ['//', '%', '/']:
        try:
            eval_ = {'//': lambda: a // b, '%': lambda: a % b, '/': lambda: a / b}[op]()
        except ZeroDivisionError as e:
            print(op, 'ZeroDivisionError', e)
