print(r'\n is not a newline', R'\t', r'C:\path\to', len(r'\n'))
print(rb'\x00'.decode() if False else 'skip-bytes')
print(r"a\"b", repr(r'\\'))
print(repr(r'\d+\.\d*'))
