a = [1, 2]
alias = a
a += [3]
a *= 2
print(a, alias is a)
d = {'k': [1]}
v = d['k']
v += [2]
print(d)
s = {1}
t = s
s |= {2}
s -= {1}
print(s, t is s)
