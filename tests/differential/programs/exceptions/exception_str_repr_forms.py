for e in [ValueError(), ValueError(''), ValueError('x'), ValueError('x', 'y'), KeyError(), KeyError(''), KeyError('a b'), KeyError(('t',)),
          TypeError(None), IndexError(0), RuntimeError(['l']), StopIteration(), AttributeError('attr'), NameError('n'), ZeroDivisionError()]:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
