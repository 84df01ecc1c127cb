L = list(range(10))
L[2:5] = ['a', 'b']
print(L)
L[::3] = [0, 0, 0]
print(L)
L[:0] = [-1]
print(L)
L[len(L):] = [99]
print(L)
del L[1:3]
print(L)
del L[::2]
print(L)
L[1:1] = 'xy'
print(L)
try:
    L[::2] = [1]
except ValueError as e:
    print(e)
