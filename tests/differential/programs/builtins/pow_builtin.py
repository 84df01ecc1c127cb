print(pow(2, 8), pow(2.0, 3), pow(2, -1), pow(10, 2, 7), pow(-2, 3, 5), pow(7, -1, 11), pow(0, 0), pow(2, 0.5))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(e)
