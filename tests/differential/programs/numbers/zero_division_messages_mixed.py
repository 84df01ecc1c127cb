# Found by the generator: the message depends on the operand types, big ints included.
big = 2 ** 70
cases = [lambda: big / 0, lambda: big // 0, lambda: big % 0, lambda: 5 / 0.0, lambda: 5.0 / 0, lambda: big / 0.0,
         lambda: 5 // 0.0, lambda: 5 % 0.0, lambda: divmod(big, 0), lambda: divmod(5, 0.0), lambda: 0 ** -1,
         lambda: 0.0 ** -1, lambda: big % -0.0, lambda: True / False, lambda: -big // 0]
for c in cases:
    try:
        print(c())
    except ZeroDivisionError as e:
        print('ZeroDivisionError:', e)
