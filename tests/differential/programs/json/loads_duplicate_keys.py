import json
print(json.loads('{"a": 1, "b": 2, "a": 3}'))
