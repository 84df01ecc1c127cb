prices = [12.5, 3, 7.25, 100, 0.1]
print(sum(prices), min(prices), max(prices), len(prices))
print(sorted(prices))
print(sorted(prices, reverse=True))
print(round(sum(prices), 2), round(2.5), round(3.5), round(-0.5))
print(int('42'), int(3.99), int(-3.99), float('1.5'), float(2), str(1.0), str(10))
print(int(' 7 '), float(' -2.5e3 '), str(1e16), str(1e15), str(0.1 + 0.2))
print(abs(-4), abs(-4.5), max('apple', 'pear'), min([3, 1, 2]))
print(sum([1, 2, 3], 10), sum([]), max([], default='none'))
