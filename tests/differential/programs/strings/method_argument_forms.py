# Keyword and instance forms of str/bytes/float methods, and the TypeError
# wording for non-integer arguments (CPython names the type, not the parameter).
print("a\tb\tc".expandtabs(tabsize=4))
print("a\tb".expandtabs(2), "x\ty".expandtabs())
print("".maketrans("ab", "xy"), str.maketrans({"a": "b"}))
print("abc".translate("".maketrans("a", "z")))
print(b"".maketrans(b"a", b"b")[97:99], bytes.maketrans(b"", b"") == b"".maketrans(b"", b""))
print(b"".fromhex("41 42"), bytes.fromhex("ff"))
print(float.fromhex("0x1p1"), (1.0).fromhex("0x1p-2"))


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: "x".zfill("5"))
show(lambda: "x".center("5"))
show(lambda: "x".ljust(2.0))
show(lambda: "a b".split(maxsplit="1"))
show(lambda: "aaa".replace("a", "b", "1"))
show(lambda: "abc".find("a", "0"))
key, position = "1", 1.0
show(lambda: "abc"[key])
show(lambda: [1, 2][position])
show(lambda: [1, 2, 3][1:"2"])
show(lambda: "a\tb".expandtabs(tabsize="4"))
show(lambda: "a\tb".expandtabs(4, 5))
show(lambda: int("10", base="2"))
show(lambda: (5).to_bytes(length="2", byteorder="big"))
