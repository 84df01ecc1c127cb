print(None, True, False, type(None).__name__, type(True).__name__)
print(True + True, True * 10, False - 1, int(True), str(False), True / 2)
print(True == 1, False == 0, True is True, isinstance(True, int))
print(repr(None), bool(None), hash(True), hash(False), hash(None) == hash(None))
