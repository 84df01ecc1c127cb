for s in ['a\tb', '\tx', 'abcdefgh\ti', 'a\tbb\tccc\td', 'line1\n\tline2']:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)))
