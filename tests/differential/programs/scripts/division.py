print(10 / 4, 10 / 5, 1 / 3, 2 / 3, -7 / 2, 0 / 5)
print(10 // 4, -10 // 4, 10 % 4, -10 % 4, 10 % -4, 7.5 // 2, 7.5 % 2)
print(100 / 3 * 3, round(100 / 3, 2), round(2 / 3, 4))
qty = 3
amount = 100
rate = amount / qty
print(rate, f"{rate:.2f}", round(rate, 2), str(round(rate, 2)))
print(1e300 * 10, -1e300 * 10)
