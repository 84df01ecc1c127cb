import json
print(json.dumps([2**63, -2**63, 2**64 + 1, 10**40, -(10**25)]))
print(json.dumps({"n": 2**100}))
