# attack: str.join turns iteration errors into TypeError; a limit error must survive it
# expect: error ScriptTimeoutError
# never: escaped
class It:
    def __iter__(self):
        while True:
            pass
try:
    "".join(It())
except TypeError:
    pass
print("escaped")
