it = iter([1, 2, 3])
print(next(it), list(it), next(it, 'done'))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), [x * 2 for x in Countdown(2)])
d = iter({'a': 1, 'b': 2})
print(next(d), next(d))
try:
    next(iter([]))
except StopIteration as e:
    print('StopIteration', repr(e))
