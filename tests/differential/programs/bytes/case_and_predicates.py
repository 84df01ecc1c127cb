samples = [b"hello", b"Hello World", b"HELLO", b"hello world 42", b"123", b"", b" \t\n",
           b"abc123", b"caf\xe9", b"Title Case Here", b"not Title", b"\x80\x81", b"a_b"]
for s in samples:
    print(s, s.isalnum(), s.isalpha(), s.isascii(), s.isdigit(), s.islower(), s.isspace(),
          s.istitle(), s.isupper())
for s in samples:
    print(s.upper(), s.lower(), s.swapcase(), s.capitalize(), s.title())
print(b"they're bill's friends".title(), b"hELLO wORLD".capitalize())
try:
    print(b"a".isalpha(1))
except Exception as e:
    print(type(e).__name__, e)
