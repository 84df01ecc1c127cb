# Found by the generator: case mappings that change the length or need full Unicode tables.
for s in ['straße', 'ÄÖü', 'ﬁne', 'İstanbul', 'ǅ', 'Σίσυφος', 'ŉ', 'ΐ']:
    print(s, s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), len(s.upper()))
