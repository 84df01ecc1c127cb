print(ord('a'), ord('A'), ord(' '), ord('\n'), ord('€'), ord('\U0010ffff'))
print(chr(97), chr(8364), repr(chr(0)), repr(chr(127)), chr(0x1F40D))
try:
    chr(0x110000)
except ValueError as e:
    print(e)
try:
    ord('ab')
except TypeError as e:
    print(e)
