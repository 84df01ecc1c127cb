print(round(3.7), round(-3.7), round(3.14159, 2), round(2.5), round(3.5), round(10, -1), round(15, -1), round(25, -1), round(-25, -1))
print(round(0.1 + 0.2, 15), round(1e20), round(1.23e-5, 6), round(5, 0), round(True), round(2 ** 70 + 1, -20))
try:
    round('1.5')
except TypeError as e:
    print(e)
