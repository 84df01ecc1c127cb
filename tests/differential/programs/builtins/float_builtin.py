print(float(), float(0), float('3.25'), float(' -1e-3 '), float(7), float('INF'), float(2 ** 63), float('0x10' if False else '16'))
print(float(True), float('1' * 20), float('-0'), float('1e500'), float('+.5e1'))
