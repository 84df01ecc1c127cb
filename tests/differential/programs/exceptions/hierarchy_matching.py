def kind(exc):
    names = []
    for base in [ArithmeticError, LookupError, Exception, BaseException, ValueError, OSError]:
        if isinstance(exc, base):
            names.append(base.__name__)
    return names
for e in [ZeroDivisionError(), OverflowError(), KeyError(), IndexError(), ValueError(), UnicodeError(), TypeError(),
          AttributeError(), NameError(), UnboundLocalError(), RecursionError(), StopIteration(), AssertionError(),
          NotImplementedError(), KeyboardInterrupt(), SystemExit(), FileNotFoundError(), UnicodeDecodeError('utf-8', b'', 0, 1, 'x')]:
    print(type(e).__name__, kind(e))
