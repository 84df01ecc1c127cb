print(float('1e3'), float(' -2.5 '), float('inf'), float('-Infinity'), float('nan') != float('nan'), float('1_000.5'), float(10**20))
print(int(1e18), int(-0.9), int('  12  '), int('0o17', 0), int('17', 8), int(2.5e6), float(True), int(float('1e15')))
for bad in ['1e', 'inf inf', '', '0x10', '1__0.5']:
    try:
        float(bad)
    except ValueError as e:
        print('ValueError', e)
for bad in [float('inf'), float('nan')]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
