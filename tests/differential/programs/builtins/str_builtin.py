print(str(1), str(1.0), str(-0.0), str(1e-7), str(True), str(None), str([None]), str('s'), str(()), str((1,)), str({1: 'a'}))
print(str(2 ** 64), str(10 ** 16 * 1.0), str(float('nan')), str(range(0, 4, 2)), str(slice(2)))
