record = b"key=value=more"
print(record.partition(b"="), record.rpartition(b"="))
print(record.partition(b"#"), record.rpartition(b"#"))
print(record.replace(b"=", b": "), record.replace(b"=", b"", 1), record.replace(b"", b"|"))
print(b"aaaa".replace(b"aa", b"b"), b"abc".replace(b"x", b"y"), b"\xe9\xe9".replace(b"\xe9", b"e"))
for call in (lambda: record.partition("="), lambda: record.partition(b""),
             lambda: record.replace("=", b":"), lambda: record.replace(b"=", ":"),
             lambda: record.rpartition(None)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
