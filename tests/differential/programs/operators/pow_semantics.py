print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 2, 2 ** -2, 10 ** -1, (-8) ** 2)
print(2.0 ** 3, 4 ** 0.5, 2 ** 0.5, 9 ** 0.5, 1.5 ** 2, (-1) ** 100, (-1) ** 101)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 7), pow(-3, 3, 5), pow(2, -1, 7))
print(2 ** 100, 7 ** 30, (-3) ** 41)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print(e)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print(e)
