print(int(), int(5), int(-5.9), int('  42\n'), int('-0b11', 0), int('Z', 36), int(b'12') if False else 12, int('1_0'))
print(int('0o10', 8), int('0x10', 16), int('10', 0), int(True), int(2.5e10), int('+7'))
try:
    int('08', 0)
except ValueError as e:
    print(e)
