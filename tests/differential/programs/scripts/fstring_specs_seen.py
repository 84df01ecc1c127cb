vals = [0, 1, 12.345, 1234567.891, -50.5]
for v in vals:
    print(f"{v:,.2f}", f"{v:,.0f}")
