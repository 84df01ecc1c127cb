print('tab\tend', 'new\nline', 'back\\slash', 'quote\'s', "dq\"s")
print('\x41\x62', '\101', '\u00e9', '\U0001F600' == '\U0001f600', '\N{BULLET}')
print(len('\0'), repr('\0'), repr('\a\b\f\v\r'), repr('\x7f'))
print('a\
b')
print(repr('\q'), len('\q'))
