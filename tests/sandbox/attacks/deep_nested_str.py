# attack: str() of a dict nested twenty thousand deep
# expect: error RecursionError
d = {}
for i in range(20000):
    d = {1: d}
str(d)
