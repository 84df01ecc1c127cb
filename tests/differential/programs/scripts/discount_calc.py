def apply_discount(total, customer_group, coupon=None):
    pct = {'Retail': 0, 'Wholesale': 10, 'Distributor': 15}.get(customer_group, 0)
    if coupon and coupon.upper() == 'SAVE5':
        pct += 5
    discount = round(total * pct / 100, 2)
    return total - discount, discount, pct

for args in [(1000, 'Retail'), (1000, 'Wholesale', 'save5'), (99.99, 'Distributor'), (0, 'Unknown', '')]:
    net, disc, pct = apply_discount(*args)
    print(f"{args[0]:>8} {args[1]:<12} {pct:>3}% -{disc:>7.2f} = {net:,.2f}")
