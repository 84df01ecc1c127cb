for s in [' ', '\t\n\r\x0b\x0c', '\u00a0', '\u2003', '\x1c', 'a b', '', '\x00', 'é', '\u200b']:
    print(repr(s), s.isspace(), s.isprintable(), s.strip() == '', len(s.split()))
