qty = 5
print('Qty: ' + qty)
