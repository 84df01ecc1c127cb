name = b"invoice_2024.pdf"
print(name.startswith(b"inv"), name.startswith(b"pdf"), name.endswith(b".pdf"))
print(name.startswith((b"a", b"inv")), name.endswith((b".doc", b".txt")))
print(name.startswith(b"voice", 2), name.startswith(b"voice", 2, 5), name.endswith(b"2024", 0, 12))
print(name.startswith(b""), b"".endswith(b""), name.startswith(b"x", 100))
print(name.removeprefix(b"invoice_"), name.removeprefix(b"zz"), name.removesuffix(b".pdf"))
print(name.removesuffix(b""), b"aaa".removeprefix(b"a"))
for call in (lambda: name.startswith("inv"), lambda: name.endswith(["pdf"]),
             lambda: name.startswith((b"a", "b")), lambda: name.removeprefix("i"),
             lambda: name.removesuffix(3), lambda: name.endswith(5)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
