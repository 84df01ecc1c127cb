data = b"hello world, hello bytes"
print(data.count(b"hello"), data.count(b"l"), data.count(b"l", 5), data.count(b"l", 5, 12))
print(data.count(108), data.count(b""), data.count(b"zz"))
print(data.find(b"world"), data.find(b"o", 5), data.find(b"x"), data.find(104), data.find(b"", 3))
print(data.rfind(b"hello"), data.rfind(b"o", 0, 10), data.rfind(111), data.rfind(b"q"))
print(data.index(b"world"), data.rindex(b"l"), data.index(32), data.rindex(b"e", -8))
print(data.find(b"hello", -5), data.find(b"hello", 100), data.count(b"l", -3))
print(b"\xff\xfe\xff".find(b"\xfe"), b"\xe9t\xe9".count(b"\xe9"), b"\xe9t\xe9".rfind(233))
for call in (lambda: data.index(b"zz"), lambda: data.rindex(b"zz"), lambda: data.find("o"),
             lambda: data.count(1.5), lambda: data.find(256), lambda: data.index(-1),
             lambda: data.rfind(None), lambda: data.count([1])):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
