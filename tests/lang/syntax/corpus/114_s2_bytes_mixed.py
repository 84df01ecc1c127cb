a = b'abc' b'def'
b = b'\t\n' rb'\t\n'
c = bytes(b'\x00' * 4)
