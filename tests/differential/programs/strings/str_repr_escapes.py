for s in ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', '\x00\x7f\x80', 'é', '\u200b', '\U0001f600', '\\']:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(['a', "b'c"]), repr({'k': 'v"'}), str(('x',)))
