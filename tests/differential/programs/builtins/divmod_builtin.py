for a, b in [(7, 3), (-7, 3), (7, -3), (7.5, 2), (-7.5, 2), (0, 5), (2 ** 70, 3)]:
    print(divmod(a, b))
try:
    divmod('a', 2)
except TypeError as e:
    print(e)
