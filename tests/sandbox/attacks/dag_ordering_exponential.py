# attack: ordering two tuple DAGs that differ at every leaf (quadratic in depth, not exponential)
# expect: ok
# output: True
a = (1,)
b = (2,)
for i in range(100):
    a = (a, a)
    b = (b, b)
print(a < b)
