class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return 'value'
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(ZeroDivisionError) as v:
    print(v)
    1 / 0
    print('not reached')
print('after suppress')
def f():
    with Suppress(ValueError):
        return 'returned inside with'
print(f())
with Suppress(KeyError):
    int('x')
