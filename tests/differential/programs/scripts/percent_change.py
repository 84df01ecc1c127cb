pairs = [(100, 120), (80, 60), (0, 10), (50, 50), (3, 4)]
for old, new in pairs:
    if old == 0:
        print('n/a')
        continue
    change = (new - old) / old * 100
    arrow = '▲' if change > 0 else '▼' if change < 0 else '='
    print(f"{old} -> {new}: {arrow} {abs(change):.1f}%")
