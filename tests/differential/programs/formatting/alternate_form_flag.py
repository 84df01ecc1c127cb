# Found by the generator: '#' keeps the decimal point and the base prefixes.
for v in [550.0, 0.5, 1e20, -3.0]:
    print(f'{v:#.0f}', f'{v:#.0e}', f'{v:#g}', f'{v:#.3g}', '%#.0f' % v, '%#g' % v)
for n in [0, 10, -255]:
    print(f'{n:#x}', f'{n:#X}', f'{n:#o}', f'{n:#b}', f'{n:#010x}', '%#x %#o' % (n, n))
