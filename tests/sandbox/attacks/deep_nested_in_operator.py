# attack: membership test that compares deep structures
# expect: error RecursionError
a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
print(a in [b])
