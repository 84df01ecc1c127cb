# attack: `_` and Frappe's `_dict` stay usable
# expect: ok
# output: 2 {'a': 1}
_dict = dict
n = 0
for _ in range(2):
    n += 1
print(n, _dict(a=1))
