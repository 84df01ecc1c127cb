a.b
a.b.c.d
a.b().c
a.b[0].c
x = obj.attr
obj.attr = 1
obj.a.b = 2
(1).real
'abc'.upper()
1.5.hex()
