def commission(sales):
    tiers = [(10000, 0.02), (50000, 0.035), (float('inf'), 0.05)]
    paid = 0.0
    lower = 0
    for upper, rate in tiers:
        if sales <= lower:
            break
        band = min(sales, upper) - lower
        paid += band * rate
        lower = upper
    return round(paid, 2)
for s in [0, 5000, 10000, 30000, 75000.5]:
    print(s, commission(s))
