s = 'héllo'
print(s.encode(), s.encode('utf-8'), len(s.encode()), s.encode('ascii', 'replace'), s.encode('ascii', 'ignore'))
print('abc'.encode('ascii'), s.encode('latin-1'), s.encode().decode('utf-8') == s)
try:
    s.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
