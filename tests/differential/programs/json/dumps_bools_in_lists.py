import json
print(json.dumps([True, False, None, 1, 0]))
print(json.dumps({"flag": True}, indent=2, sort_keys=True))
