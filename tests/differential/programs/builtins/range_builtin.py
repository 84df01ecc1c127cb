print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(10, 0, -4)), list(range(3, 3)), list(range(-2, 2)))
print(range(5)[2], range(5)[-1], range(0, 10, 2)[1:3], len(range(5, -5, -2)), range(5).count(3), range(5).index(4))
try:
    range(1.5)
except TypeError as e:
    print(e)
