a = b = c = []
x, y = y, x = 1, 2
first = second = third = None
i = j = 0
