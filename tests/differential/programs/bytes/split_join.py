line = b"  alpha  beta\tgamma\n delta  "
print(line.split())
print(line.split(None, 1), line.split(maxsplit=2))
print(line.rsplit(), line.rsplit(None, 1), line.rsplit(maxsplit=0))
print(b"a,b,,c".split(b","), b"a,b,,c".split(b",", 1), b"a,b,,c".rsplit(b",", 1))
print(b"a::b::c".split(b"::"), b"".split(), b"".split(b","), b"   ".split())
print(b"a\x1cb\x85c\xa0d".split())
print(b", ".join([b"x", b"y", b"z"]), b"".join([]), b"-".join((b"a",)), b"/".join(iter([b"p", b"q"])))
for call in (lambda: b"a b".split(" "), lambda: b"a".split(b""), lambda: b",".join([b"a", "b"]),
             lambda: b",".join([1]), lambda: b",".join(5), lambda: b"a".rsplit(1)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
