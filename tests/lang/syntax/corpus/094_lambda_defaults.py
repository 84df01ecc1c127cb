f = lambda a=1, b=(1, 2), c=[], d={}, e=None: a
g = lambda *, k=lambda: 1: k
h = lambda x=(lambda: 2)(): x
