print(0, 00, 1_000_000, 0x_ff, 0XFF, 0o17, 0O7_7, 0b1010, 0B1_0, 0x7fffffffffffffff)
print(123_456_789_012_345_678_901_234_567_890)
print(0xdead_beef, 0b1111_0000, 0o777)
print(-0, +5, - -5, ~0, -0x10)
