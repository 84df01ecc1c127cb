first, *middle, last = range(10)
*init, tail = "abc"
head, *rest = [1]
(a, *b), c = [1, 2], 3
[a, *b] = c
for a, *b in [[1, 2, 3]]:
    pass
