def parse(v):
    try:
        return int(v)
    except ValueError as e:
        raise KeyError(v) from e
try:
    parse('x')
except KeyError as e:
    print(repr(e), type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
try:
    try:
        {}['a']
    except KeyError:
        raise ValueError('second')
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(404, 'not found')
except AppError as e:
    print(e, e.code, e.args, repr(e), isinstance(e, Exception))
