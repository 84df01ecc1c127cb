factors = {'kg': 1.0, 'g': 0.001, 'lb': 0.45359237, 'oz': 0.028349523125}
def convert(value, frm, to):
    if frm not in factors or to not in factors:
        raise KeyError(f'unknown unit {frm if frm not in factors else to}')
    return value * factors[frm] / factors[to]
print(convert(1, 'kg', 'lb'), round(convert(1, 'kg', 'lb'), 3))
print(convert(500, 'g', 'kg'), convert(16, 'oz', 'lb'))
try:
    convert(1, 'kg', 'stone')
except KeyError as e:
    print('error', e)
print(f"{convert(2.2, 'lb', 'kg'):.4f}")
