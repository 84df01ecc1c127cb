import json
print(json.dumps({"a": [1, 2]}, indent="\t"))
print(json.dumps({"a": [1, 2]}, indent=-3))
print(json.dumps({"a": [1, 2]}, indent="--"))
