# attack: recursion through __repr__
# expect: error RecursionError
class A:
    def __repr__(self):
        return repr(A())
repr(A())
