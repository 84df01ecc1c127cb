prices = {'apple': 1.5, 'pear': 2.0}
for fruit in ['apple', 'pear', 'plum']:
    print(fruit, prices[fruit])
