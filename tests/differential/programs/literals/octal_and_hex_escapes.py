print(repr('\0\7\10\77\101\377'), repr('\x00\x1f\x20\x7e\x80\xff'), len('\777' if False else '\377'))
print('\u0041\u00df\u4e2d', '\U00000041', repr('\u0000'), repr('\t\\t'))
print(repr(b'\101\x42\n'), repr(b'\\'), len(b'\x00\x01'))
