for s in ['hello world', 'HELLO', 'mIxEd CaSe', "o'neil's", '123abc', '']:
    print(repr(s.lower()), repr(s.upper()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
print('Ab'.lower() == 'ab', 'draft'.upper() == 'DRAFT')
