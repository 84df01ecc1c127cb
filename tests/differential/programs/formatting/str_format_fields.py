class P:
    def __init__(self):
        self.x = 1
        self.y = [10, 20]
p = P()
print('{0.x} {0.y[1]} {1[a]} {1[b][0]}'.format(p, {'a': 'A', 'b': ['B']}))
print('{:>{w}}|{:<{w}}|'.format('r', 'l', w=4), '{0}{0}{1}'.format('ab', 'c'), '{a}{b}'.format(b=2, a=1))
for bad in ['{', '}', '{0} {}', '{1}']:
    try:
        print(bad.format('x'))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
