total = 0
for amount in [1, 2, "3"]:
    total += amount
