import json
a = [1]
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print(e)
shared = [1, 2]
print(json.dumps([shared, shared]))
