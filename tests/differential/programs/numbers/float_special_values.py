inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf)
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan, inf == inf, max(1, inf), min(-inf, 0))
print(float('Infinity'), float('-iNF'), float('NaN'), repr(float('inf')), str(-nan))
print(int(1e300) == 10 ** 300, int(-1.5), int(2.9999999999999999))
for bad in [inf, nan]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
