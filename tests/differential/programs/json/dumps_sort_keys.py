import json
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({3: "x", 1: "y", 2: "z"}, sort_keys=True))
print(json.dumps({"b": 1, "a": [{"d": 1, "c": 2}]}, sort_keys=True, indent=1))
