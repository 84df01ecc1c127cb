for s in ['42', '-42', '+42', '', 'abc', '12345', '-', '3.14']:
    print(repr(s.zfill(5)), repr(s.zfill(1)))
