for s in ['hello World', 'ÉCOLE', 'straße', "they're bill's", 'ǆ', '123abc', '']:
    print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), s.istitle(), s.isupper(), s.islower())
