names = [Exception, BaseException, ValueError, TypeError, KeyError, IndexError, ZeroDivisionError, AttributeError, NameError,
         RuntimeError, StopIteration, AssertionError, NotImplementedError, OverflowError, RecursionError, LookupError,
         ArithmeticError, UnboundLocalError, ImportError, ModuleNotFoundError, OSError, UnicodeError, GeneratorExit]
bases = [BaseException, Exception, LookupError, ArithmeticError, NameError, RuntimeError, ImportError, ValueError]
for n in names:
    print(n.__name__, [b.__name__ for b in bases if b is not n and issubclass(n, b)])
