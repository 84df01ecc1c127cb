raw = b" \t\n padded \r\x0b\x0c"
print(raw.strip(), raw.lstrip(), raw.rstrip())
print(b"xxhixx".strip(b"x"), b"xyhiyx".lstrip(b"xy"), b"hi!!".rstrip(b"!"), b"abc".strip(None))
print(b"\x85hi\xa0".strip(), b"\x1chi\x1f".strip())
print(b"ab".center(6), b"ab".center(7, b"*"), b"ab".ljust(5, b"."), b"ab".rjust(5), b"abc".center(2))
print(b"42".zfill(5), b"-42".zfill(6), b"+4".zfill(4), b"abc".zfill(2))
print(b"a\tb\tc".expandtabs(), b"a\tbc\td".expandtabs(4), b"x\ty".expandtabs(tabsize=2))
for call in (lambda: b"a".strip("a"), lambda: b"a".center(5, "*"), lambda: b"a".ljust(5, b"**"),
             lambda: b"a".rjust("5"), lambda: b"a".zfill(None), lambda: b"a".lstrip(1)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
