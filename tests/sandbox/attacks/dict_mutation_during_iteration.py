# attack: a dict that grows while iterated
# expect: error RuntimeError dictionary changed size during iteration
d = {1: 1}
for k in d:
    d[k + 1] = 1
