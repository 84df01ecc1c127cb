data = b"Mixed Case, Words\xe9"
results = [data.replace(b",", b""), data.split(b" "), data.partition(b" "), data.center(30),
           data.strip(b"M"), data.title(), data.splitlines(), data.zfill(25), data.expandtabs()]
for r in results:
    if isinstance(r, (list, tuple)):
        print(type(r).__name__, [type(x).__name__ for x in r], r)
    else:
        print(type(r).__name__, r)
print(data.find(b"\xe9"), len(data), data[-1])
