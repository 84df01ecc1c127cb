for n in [0, 7, -7, 255, 10**12, -(2**70)]:
    print(n, bin(n), oct(n), hex(n), format(n, ','), format(n, '+'), format(n, ' '), format(n, '010'), str(n).zfill(5))
print(int('0x1f', 16), int('0b101', 0), int(' 42 '), int('-1_000'), int('z', 36), int(3.99), int(-3.99), int(True))
for bad in ['1.5', '', '0x', '1__0', 'abc']:
    try:
        int(bad)
    except ValueError as e:
        print('ValueError', e)
