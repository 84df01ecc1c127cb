s = 'héllo wörld ñ 日本語 😀'
print(s, len(s), s[1], s[-1], s[12:15])
print(s.upper(), s.encode('utf-8')[:8] if False else 'x')
print(ord('é'), chr(233), ord('😀'), chr(0x1F600) == '😀', ascii(s))
print(repr('日本'), repr('\u200b'), repr('\xa0'))
