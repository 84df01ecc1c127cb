items = [1, 2]
d = {'k': 'v'}
a = f'{items[0]}'
b = f'{d["k"]}'
c = f'{len(items)}'
e = f'{items[0] + items[1]}'
f = f'{x!r}' if items else f'{y}'
g = f'{a, b}'
h = f'{3 != 4}'
i = f'{3 >= 4}'
j = f'{a:=^10}'
k = f'{x:{"<"}10}'
l = f'{x:%Y-%m-%d}'
