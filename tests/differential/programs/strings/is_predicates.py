samples = ['abc', 'ABC', 'Abc', 'abc123', '123', '12.5', ' ', '', '\t\n', 'Hello World', 'hello world', '_id', '1id', 'é', '²', '½', 'A1 B2', 'ǅ']
for s in samples:
    print(repr(s), s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(), s.isidentifier(),
          s.islower(), s.isnumeric(), s.isprintable(), s.isspace(), s.istitle(), s.isupper())
