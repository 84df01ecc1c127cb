class WithCall:
    def __call__(self, x):
        return x * 2
class Without:
    pass
print(callable(print), callable(WithCall()), callable(Without()), callable(Without), callable('str'), callable(str.upper))
print(WithCall()(21))
