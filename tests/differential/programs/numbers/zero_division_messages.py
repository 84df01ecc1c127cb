ops = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0,
       lambda: divmod(1, 0), lambda: divmod(1.0, 0.0), lambda: 10 ** 30 // 0, lambda: 0 / 0, lambda: pow(0, -1)]
for op in ops:
    try:
        op()
    except ZeroDivisionError as e:
        print('ZeroDivisionError:', e)
