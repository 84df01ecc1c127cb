amount = None
print('start')
print(amount + 1)
