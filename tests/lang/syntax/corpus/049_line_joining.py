a = (1 +
     2)
b = [1,
     2,
     3]
c = {'a':
     1}
d = 1 + \
    2
if a and \
   b:
    pass
e = f(a,
      b,
      c=3)
x = \
    5
