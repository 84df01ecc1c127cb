for s in ['hello World', 'ÉCOLE', 'straße', 'ﬁne', '123abc', 'aBC dEF', '', ' x']:
    print(repr(s.capitalize()), repr(s.casefold()), repr(s.lower()), repr(s.upper()))
print('Straße'.casefold() == 'STRASSE'.casefold())
