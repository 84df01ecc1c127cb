import json
d = {"a": 1, "b": [1, 2, 3]}
print(json.dumps(d, separators=(",", ":")))
print(json.dumps(d, separators=(";", "=")))
print(json.dumps(d, indent=2, separators=(",", ": ")))
print(json.dumps(d, indent=2, separators=(" ,", " : ")))
print(json.dumps([1, 2], separators=["|", "~"]))
