b = b'abc'
print(b, len(b), b[0], b[1:], list(b), b + b'd', b * 2)
print(repr(b'\x00\xff\n'), b'ab' == b'ab', b'a' < b'b')
print(bytes([65, 66]), 'é'.encode(), b'caf\xc3\xa9'.decode())
print(b.upper(), b.hex(), b'x' in b'xyz', 120 in b'xyz')
