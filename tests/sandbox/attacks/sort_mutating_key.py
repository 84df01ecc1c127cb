# attack: a sort key that mutates the list being sorted
# expect: error ValueError list modified during sort
l = [3, 1, 2]
l.sort(key=lambda x: l.append(x) or x)
