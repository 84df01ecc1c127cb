a, b = 10, 20.5
print(a < b, a > b, a <= 10, b >= 20.5, a == 10.0, a != b)
print('apple' < 'banana', 'Zebra' < 'apple', 'abc' < 'abd', 'ab' < 'abc')
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [1, 2] == [1, 2])
print(None == None, None is None, 0 == False, 1 == True, '' == None)
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print(1 == 1.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
