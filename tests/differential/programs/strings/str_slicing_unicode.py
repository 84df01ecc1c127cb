s = 'héllo wörld 日本 😀!'
print(len(s), s[1], s[-2], s[3:9], s[::-1], s[::3], s.find('ö'), s.index('日'), s.upper(), s.encode()[:8])
print([c for c in s if not c.isascii()], ord(s[-2]), chr(0x65e5), s.count('l'), repr(s[12:14]))
