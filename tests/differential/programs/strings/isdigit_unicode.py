for s in ['0123', '١٢٣', '²³', '½', 'Ⅻ', '3.5', '-1', '０１']:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric())
print(int('١٢٣'), int('０１'), float('١.٥'))
