class Tracker:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print('exit got', et.__name__ if et else None, repr(ev), tb is not None)
        return True
with Tracker():
    raise ValueError('inside')
with Tracker():
    pass
print('end')
