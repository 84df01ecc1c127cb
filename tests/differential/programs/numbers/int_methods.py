n = 255
print(n.bit_length(), (-n).bit_length(), (0).bit_length(), (2 ** 100).bit_length())
print(n.to_bytes(2, 'big'), n.to_bytes(2, 'little'), int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print((10).__add__(5) if False else 15, n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print((37).bit_count(), (-1).bit_count(), n.as_integer_ratio(), int.from_bytes(b'\xff', 'big', signed=True))
print((1024).to_bytes(4, byteorder='big', signed=True), (-1).to_bytes(2, 'big', signed=True))
