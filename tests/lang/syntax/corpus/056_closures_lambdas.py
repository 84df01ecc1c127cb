adders = [lambda x, i=i: x + i for i in range(3)]
compose = lambda f, g: lambda x: f(g(x))
table = {k: (lambda v=v: v) for k, v in items}
