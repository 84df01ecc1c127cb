# attack: zip() turns iteration errors into TypeError
# expect: error ScriptTimeoutError
# never: escaped
class It:
    def __iter__(self):
        while True:
            pass
try:
    zip(It())
except TypeError:
    pass
print("escaped")
