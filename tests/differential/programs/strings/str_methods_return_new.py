s = 'Hello'
t = s.upper()
u = s.replace('l', 'L')
print(s, t, u, s is not t, s.lower() == 'hello')
L = [s]
L[0] += '!'
print(L, s)
