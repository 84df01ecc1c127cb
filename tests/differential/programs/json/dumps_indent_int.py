import json
data = {"name": "INV-001", "items": [{"qty": 2, "rate": 10.5}, {"qty": 1, "rate": 3}], "paid": False, "empty": [], "none": {}}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=0))
print(json.dumps([1, [2, 3]], indent=4))
