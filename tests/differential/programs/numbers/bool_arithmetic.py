print(True + 1, True * 2.5, False ** 0, True // 2, True % 2, -True, True << 3, True & False, True | False, True ^ True)
print(sum([True, True, False]), max(True, 0), type(True + True).__name__, type(True & True).__name__)
print(True == 1.0, hash(True) == hash(1), {1: 'a', True: 'b'})
