class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return False
with Resource('a') as r:
    print('inside', r.name)
with Resource('b'), Resource('c') as c:
    print('nested', c.name)
try:
    with Resource('d'):
        raise KeyError('boom')
except KeyError as e:
    print('propagated', e)
