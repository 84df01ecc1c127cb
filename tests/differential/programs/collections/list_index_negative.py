L = ['a', 'b', 'c']
print(L[-1], L[-3], L[0])
for i in range(-3, 3):
    print(i, L[i])
try:
    L[-4]
except IndexError as e:
    print(e)
try:
    L[3] = 'x'
except IndexError as e:
    print(e)
try:
    L['0']
except TypeError as e:
    print(e)
