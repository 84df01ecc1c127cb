print(int('123'), int('-0'), int('+42'), int('  12  '), int('1_000'), int('0x1f', 16), int('1f', 16), int('z', 36))
print(int('0b101', 0), int('0o17', 0), int('0x1F', 0), int('777', 8), int('11', 2), int(' -ff ', 16))
print(int(3.9), int(-3.9), int(True), int(1e20), int('9' * 30))
for bad in ['', '1.5', 'abc', '1 2', '0x10', '_1', '1__0']:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int('12', 1)
except ValueError as e:
    print(e)
