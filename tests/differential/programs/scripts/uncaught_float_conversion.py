rate = 'N/A'
print(float(rate or 0))
