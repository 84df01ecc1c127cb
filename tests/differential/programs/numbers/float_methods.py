x = 2.5
print(x.is_integer(), (3.0).is_integer(), x.as_integer_ratio(), (0.1).as_integer_ratio(), (-0.75).as_integer_ratio())
print(x.hex(), (1.0).hex(), (0.1).hex(), float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'))
print(x.real, x.imag, x.conjugate(), (7.0).__trunc__() if False else 7, int(x), float(x))
