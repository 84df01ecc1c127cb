# attack: comparing dicts nested twenty thousand deep
# expect: error RecursionError
a = {}
b = {}
for i in range(20000):
    a = {"k": a}
    b = {"k": b}
print(a == b)
