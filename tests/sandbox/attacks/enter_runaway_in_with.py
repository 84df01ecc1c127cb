# attack: __enter__ that loops, with __exit__ suppressing
# expect: error ScriptTimeoutError
# never: exited
class M:
    def __enter__(self):
        while True:
            pass
    def __exit__(self, *a):
        print("exited")
        return True
with M():
    pass
