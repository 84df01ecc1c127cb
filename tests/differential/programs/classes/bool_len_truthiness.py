class AlwaysFalse:
    def __bool__(self):
        return False
class Empty:
    def __len__(self):
        return 0
class Plain:
    pass
for o in [AlwaysFalse(), Empty(), Plain()]:
    print(type(o).__name__, bool(o), 'truthy' if o else 'falsy', not o)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
