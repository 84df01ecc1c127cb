for s in ["plain", "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\t', 'nl\n', 'bell\x07', 'del\x7f', 'uni\u00e9', 'zw\u200b', 'emoji😀', '\x00', '\ud800' if False else 'x']:
    print(repr(s))
