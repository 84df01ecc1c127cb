text = b"one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven"
print(text.splitlines())
print(text.splitlines(True), text.splitlines(keepends=True) == text.splitlines(True))
print(b"".splitlines(), b"\n".splitlines(), b"a\n\nb\n".splitlines())
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[97:100])
print(b"aabbcc-abc".translate(table), b"hello".translate(None, b"l"), b"abc".translate(table, b"b"))
print(bytes.fromhex("de ad be ef"), bytes.fromhex(""), bytes.fromhex("0A0b"), b"".fromhex("ff"))
print(b"\xde\xad".hex(), bytes.fromhex(b"\x01\x02".hex()))
for call in (lambda: bytes.fromhex("abc"), lambda: bytes.fromhex("zz"), lambda: bytes.fromhex(b"ab"),
             lambda: bytes.maketrans(b"ab", b"c"), lambda: bytes.maketrans("a", "b"),
             lambda: b"a".translate(b"short"), lambda: b"a".translate("x"),
             lambda: bytes.fromhex("ab cd e"), lambda: bytes.fromhex("a b")):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
data = b"\x01\x02\x03\x04\x05"
print(data.hex(":"), data.hex(":", 2), data.hex(":", -2), data.hex(b"-", 0), b"".hex(":"))
print(b"\x01".hex(sep=".", bytes_per_sep=3), data.hex(bytes_per_sep=2), data.hex(" ", 5))
for args in [("::",), (5,), ("\xe9",), (":", "x"), (1, 2, 3)]:
    try:
        print(b"ab".hex(*args))
    except Exception as e:
        print(type(e).__name__, e)
