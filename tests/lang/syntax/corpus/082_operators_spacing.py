a=1+2*3
b=a<<1|a>>2&3^4
c=not a
d=-a**-b
e=a//b%c
f=a!=b
g=a<=b>=c
h=~~a
i=- - -a
