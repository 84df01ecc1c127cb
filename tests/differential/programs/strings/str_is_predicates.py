for s in ['abc', 'ABC1', '123', '12.5', ' ', '', 'a b', '٣', '½', 'x_1', '_x', 'class', 'Ⅷ']:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(), s.isidentifier(), s.isascii(), s.isprintable())
