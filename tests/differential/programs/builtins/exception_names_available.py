names = [Exception, BaseException, ValueError, TypeError, KeyError, IndexError, ZeroDivisionError, AttributeError, NameError,
         RuntimeError, StopIteration, AssertionError, NotImplementedError, OverflowError, RecursionError, LookupError,
         ArithmeticError, UnboundLocalError, ImportError, ModuleNotFoundError, OSError, UnicodeError, GeneratorExit]
for n in names:
    print(n.__name__, [b.__name__ for b in n.__mro__[1:]])
