for s in ["hello world", "hello   world", "HELLO wORLD", "don't stop", "x-ray vision", "über straße", "42nd street"]:
    print(repr(s.title()), repr(' '.join(w.capitalize() for w in s.split(' '))))
