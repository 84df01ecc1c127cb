for s in ['abc', 'é', '日本', '😀', 'a\x00b']:
    b = s.encode('utf-8')
    print(repr(s), b, len(b), b.decode('utf-8') == s, list(b)[:4])
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
