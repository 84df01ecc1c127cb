import json
try:
    json.dumps({(1, 2): "tuple"})
except TypeError as e:
    print(e)
print(json.dumps({(1, 2): "tuple", "ok": 1}, skipkeys=True))
json.dumps({frozenset(): 1})
