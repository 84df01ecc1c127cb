qty = 3
rate = 19.99
print('Amount: ' + str(qty * rate))
print('Rate: ' + str(rate) + ' x ' + str(qty))
print('Total: ' + str(round(qty * rate, 2)))
print('Half: ' + str(10 / 2) + ' third: ' + str(10 / 3))
print('Big: ' + str(1234567.0 * 1000), str(2.0 ** 60), str(1e16 + 1))
print(str(0.1 * 3), str(1.1 * 1.1), str(-0.0), str(100.0 / 7))
