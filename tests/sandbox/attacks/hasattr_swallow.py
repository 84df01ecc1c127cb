# attack: hasattr swallows AttributeError; it must not swallow a limit error
# expect: error ScriptTimeoutError
# never: escaped
class A:
    def __getattr__(self, name):
        while True:
            pass
print(hasattr(A(), "x"))
print("escaped")
