print(True + True, True * 3, False - 1, True / 2, True // 2, -True, ~True, True & False, True | False, True ^ True, sum([True, True, False]))
print(int(True), float(False), str(True), repr(False), True == 1, False == 0.0, isinstance(True, int), bool(''), bool('0'), bool([]), bool(0.0))
