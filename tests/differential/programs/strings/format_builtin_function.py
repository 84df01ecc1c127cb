print(format(1234.5, ',.2f'), format(0.25, '%'), format(42, 'b'), format('x', '>3'), format(3, ''), format(None), format(1e-10, '.2e'), format(-5, '05'))
for spec in ['d', 'x', ',s', '.2d']:
    for v in [1.5, 'a', 3]:
        try:
            print(spec, v, format(v, spec))
        except (ValueError, TypeError) as e:
            print(spec, repr(v), type(e).__name__, e)
