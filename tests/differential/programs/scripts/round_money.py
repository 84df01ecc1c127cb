vals = [2.675, 1.005, 0.125, 0.375, 2.5, 3.5, -2.5, 1234.5678, 0.045, 100.0, 1e-7]
for v in vals:
    print(v, round(v, 2), round(v, 1), round(v), round(v, 0))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
