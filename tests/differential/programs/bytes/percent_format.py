print(b"%s and %b" % (b"x", b"y"), b"%5s|%-4s|" % (b"ab", b"c"), b"%.2s" % b"abcdef")
print(b"%d %i %05.1f %x %X %o %e" % (1, -2, 3.14159, 255, 255, 8, 12345.678))
print(b"%r %a" % (b"q", "\xe9"), b"%c%c" % (65, b"z"), b"100%%", b"%(k)s=%(v)d" % {b"k": b"n", b"v": 5})
print(b"%s" % b"\xff\xe9", b"%s" % (b"t",), b"%*d|%-*d|" % (4, 7, 3, 8))
for f, a in [(b"%s", 5), (b"%s", "str"), (b"%d", b"x"), (b"%c", 300), (b"%c", b"ab"), (b"%s %s", (b"a",)),
             (b"%s", (b"a", b"b")), (b"%y", 1), (b"%(k)s", (1,)), (b"%(k)s", {b"j": 1}), (b"%", ()),
             (b"%d %s", ("x", 1)), (b"%c", "a"), (b"%x", 1.5)]:
    try:
        print(f % a)
    except Exception as e:
        print(type(e).__name__, e)
