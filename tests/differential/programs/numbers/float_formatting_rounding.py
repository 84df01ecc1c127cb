for x in [0.1, 1/3, 2.675, 1e16, 1.5e-7, 123456789.0, -0.0, 1e22, 2**53 + 1.0, 0.30000000000000004]:
    print(repr(x), str(x), round(x, 2), round(x), f'{x:.3g}', f'{x:.10f}', format(x, 'e'), format(x, ''), x.is_integer())
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(2.5, 0), round(1234.5678, -2), round(15, -1), round(25, -1))
