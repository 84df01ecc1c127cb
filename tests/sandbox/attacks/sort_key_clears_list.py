# attack: a key function that empties the list it sorts (the list looks empty during the sort)
# expect: ok
# output: [1, 2, 3]
l = [3, 1, 2]
def key(x):
    l.clear()
    return x
l.sort(key=key)
print(l)
