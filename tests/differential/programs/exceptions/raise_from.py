try:
    try:
        {}['missing']
    except KeyError as e:
        raise LookupError('lookup failed') from e
except LookupError as e:
    print(e, repr(e.__cause__), type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('implicit context')
except ValueError as e:
    print(e, e.__cause__, repr(e.__context__))
