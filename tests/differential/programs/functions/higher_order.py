def apply_twice(f, x):
    return f(f(x))
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(apply_twice(lambda x: x * 3, 2), compose(str, abs, lambda v: v - 10)(3))
print(list(map(len, ['a', 'bb', 'ccc'])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b: a + b, 'ab', 'cd')))
print(list(filter(str.isdigit, 'a1b2c3')), list(filter(lambda x: x > 0, [-1, 0, 2])))
