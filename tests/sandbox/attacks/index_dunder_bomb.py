# attack: a huge repeat count smuggled through __index__
# expect: error MemoryError|TypeError
class N:
    def __index__(self):
        return 10 ** 10
"x" * N()
