try:
    print(1 < 'a')
except TypeError as e:
    print(e)
try:
    print([1] < (1,))
except TypeError as e:
    print(e)
try:
    print(None < 0)
except TypeError as e:
    print(e)
try:
    print({1} < {1, 2}, {} < {})
except TypeError as e:
    print(e)
print('a' > 'B')
print(None >= 0)
