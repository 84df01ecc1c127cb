import json
print(json.dumps([1, "a", None, [2, [3]], {}]))
print(json.dumps({"a": 1, "b": [1, 2], "c": {"d": None}}))
print(json.dumps((1, 2, (3,))))
print(json.dumps([]), json.dumps({}), json.dumps(()))
