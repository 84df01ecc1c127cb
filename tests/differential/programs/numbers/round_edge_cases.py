print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(0.49999999999999994))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(2.5, 0), round(-2.5, 0))
print(round(1234.5, -1), round(1235, -1), round(1245, -1), round(-15, -1), round(5, -1), round(15, -1), round(25, -1))
print(round(3.14159, 3), round(1e300, 2), round(123, 2), round(-0.0), round(0.0, 1), round(1.23456e-7, 10))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, 1)).__name__, round(7, -5))
print(round(float('inf'), 2), round(float('nan'), 1))
try:
    round(float('inf'))
except OverflowError as e:
    print(e)
