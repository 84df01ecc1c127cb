a = {1}
b = {1, 2, 3}
c = {*a, *b}
d = {x for x in y}
e = {x for x in y if x for z in x}
f = {1, 2,}
