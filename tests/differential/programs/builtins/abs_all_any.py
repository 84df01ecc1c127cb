print(abs(-3), abs(3.5), abs(-0.0), abs(-2 ** 70), abs(False), abs(True))
print(all([]), all([1, 'a']), all([1, 0]), any([]), any([0, '', None]), any([0, 'x']), all('abc'), any(x > 2 for x in range(4)))
try:
    abs(None)
except TypeError as e:
    print(e)
