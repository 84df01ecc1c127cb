# attack: a list containing itself prints safely
# expect: ok
# output: [[...]] 1
l = []
l.append(l)
print(l, len(l))
