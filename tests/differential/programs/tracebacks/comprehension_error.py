values = [5, 2, 0, 1]
inverses = [1 / v for v in values]
