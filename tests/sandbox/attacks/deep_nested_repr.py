# attack: repr of a list nested a hundred thousand deep
# expect: error RecursionError
l = []
for i in range(100000):
    l = [l]
repr(l)
