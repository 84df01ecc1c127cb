# attack: ordering tuples nested a hundred thousand deep
# expect: error RecursionError
a = (1,)
b = (2,)
for i in range(100000):
    a = (a,)
    b = (b,)
print(a < b)
