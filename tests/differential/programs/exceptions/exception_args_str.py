cases = [Exception(), Exception('msg'), Exception('a', 1), ValueError(42), KeyError('k'), KeyError('k', 'j'),
         KeyError(1), IndexError('i'), OSError(2, 'No such file'), StopIteration(5), AssertionError(), ZeroDivisionError('z')]
for e in cases:
    print(type(e).__name__, repr(str(e)), e.args, repr(e))
