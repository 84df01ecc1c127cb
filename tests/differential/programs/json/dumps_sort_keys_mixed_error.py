import json
try:
    json.dumps({1: "a", "b": 2}, sort_keys=True)
except TypeError as e:
    print("TypeError", e)
json.dumps({"b": 2, None: 1}, sort_keys=True)
