for s in ['1', '1.0', '1e3', ' 12 ', '0x1A', '-0', '+3.5', 'nan', '∞']:
    r = []
    for conv in (int, float):
        try:
            r.append(repr(conv(s)))
        except ValueError:
            r.append('ValueError')
    print(repr(s), r)
