cases = [OSError(2, 'No such file'), OSError(13, 'denied'), OSError(5, 'io'), OSError('x'), OSError(2, 'a', 'f'), FileNotFoundError(2, 'z'), OSError()]
for e in cases:
    print(type(e).__name__, repr(str(e)), e.args, repr(e), e.errno, e.strerror)
try:
    raise OSError(2, 'gone')
except FileNotFoundError as e:
    print('caught', e, isinstance(e, OSError))
e = OSError(2, 'a', 'f', None, 'g'); print(repr(str(e)), e.args, e.filename, e.filename2, OSError(2,'x').filename)
e = PermissionError(13, 'no', 'path'); print(repr(str(e)), e.args, e.filename)
