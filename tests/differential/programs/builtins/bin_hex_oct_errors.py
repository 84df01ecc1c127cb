print(bin(10), hex(-10), oct(0), bin(True))
for f in [bin, hex, oct]:
    try:
        f(1.5)
    except TypeError as e:
        print(e)
