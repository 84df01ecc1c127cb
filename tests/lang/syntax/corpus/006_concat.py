a = 'a' 'b' 'c'
b = 'a' "b" '''c'''
c = ('line one '
     'line two '
     'line three')
d = b'a' b'b'
e = u'a' 'b'
f = 'a' u'b'
g = r'\d' '\d'
