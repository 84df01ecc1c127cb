amounts = [0, 1, 12.5, 1234.567, 1234567.891, -9876.5, 1e6, 0.005, 2.675]
for a in amounts:
    print(f"{a:,.2f} | {a:,.0f} | {a:.2f} | {a}")
name = 'Acme'
total = 1500.0
print(f"Customer {name} owes {total:,.2f} in {3} invoices")
print(f"{name!r} {total!s} {len(name)=}")
