rows = [
    {'customer': 'Acme', 'amount': 100.0},
    {'customer': 'Beta', 'amount': 50.5},
    {'customer': 'Acme', 'amount': 25.25},
    {'customer': 'Gamma', 'amount': 0},
    {'customer': 'Beta', 'amount': 49.5},
]
totals = {}
for r in rows:
    totals[r['customer']] = totals.get(r['customer'], 0) + r['amount']
print(totals)
for k, v in sorted(totals.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{k:<8}{v:>10.2f}")
print(max(totals, key=totals.get), min(totals.values()))
