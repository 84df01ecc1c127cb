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
