class T:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print(type(tb).__name__, tb is None, bool(tb))
        return True
with T():
    1/0
with T():
    pass
