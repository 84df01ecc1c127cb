class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
try:
    raise NotFound('no such doc', 404)
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
class Plain(Exception):
    pass
for args in [(), ('one',), ('a', 2)]:
    e = Plain(*args)
    print(repr(str(e)), e.args, repr(e))
