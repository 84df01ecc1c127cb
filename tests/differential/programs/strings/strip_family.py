s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr('xxhixx'.strip('x')), repr('abcHIcba'.strip('abc')), repr('www.example.com'.lstrip('w.')), repr('path///'.rstrip('/')))
print(repr(''.strip()), repr('   '.strip()), repr('\u3000x\u00a0'.strip()), repr('aaa'.strip('a')))
