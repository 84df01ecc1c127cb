rows = [('Widget', 4, 2.5), ('Gadget with long name', 1, 99.99), ('Bolt', 1000, 0.05)]
print(f"{'Item':<15}{'Qty':>6}{'Rate':>10}{'Amount':>12}")
print('-' * 43)
total = 0
for name, qty, rate in rows:
    amt = qty * rate
    total += amt
    print(f"{name[:15]:<15}{qty:>6d}{rate:>10.2f}{amt:>12,.2f}")
print(f"{'Total':<31}{total:>12,.2f}")
