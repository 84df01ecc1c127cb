class AppError(Exception):
    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code
def risky(x):
    try:
        if x < 0:
            raise AppError("negative", code=400)
        return 10 / x
    except ZeroDivisionError as exc:
        raise AppError("zero") from exc
    except (TypeError, ValueError):
        return None
    finally:
        print("cleanup")
for value in (1, 0, -1, "a"):
    try:
        print(risky(value))
    except AppError as err:
        print(err, err.code)
