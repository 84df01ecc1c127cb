import json
print(json.dumps("x", indent=2.5))
print(json.dumps("caf\u00e9", indent="  ", sort_keys=True))
try:
    json.dumps(["x"], indent=2.5)
except TypeError as e:
    print(e)
