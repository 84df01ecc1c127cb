inf, nan = float('inf'), float('nan')
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, 1 / inf, nan == nan, nan != nan, inf > 10**300, -inf < -10**300)
print(repr(1e300 * 10), round(inf) if False else 'skip', str(-0.0), -0.0 == 0.0, 0.1 + 0.2, 0.1 + 0.2 == 0.3, abs(-0.0), max(nan, 1), min(1, nan))
try:
    round(inf)
except OverflowError as e:
    print('OverflowError', e)
try:
    round(nan)
except ValueError as e:
    print('ValueError', e)
