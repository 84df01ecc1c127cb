taxes = [{'account': 'VAT 5%', 'rate': 5}, {'account': 'Service 2.5%', 'rate': 2.5}]
net = 1999.99
rows = []
running = net
for t in taxes:
    amount = round(net * t['rate'] / 100, 2)
    running = round(running + amount, 2)
    rows.append((t['account'], amount, running))
for r in rows:
    print('%-14s %10.2f %10.2f' % r)
print('grand total', running)
