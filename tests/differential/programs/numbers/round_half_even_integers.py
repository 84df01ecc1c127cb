for v in range(-35, 36, 10):
    print(v, round(v, -1), round(v * 10, -2), round(v / 10), round(v / 100, 1))
