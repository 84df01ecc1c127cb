import json
print(json.dumps([float("nan"), float("inf"), float("-inf")]))
print(json.dumps({"x": float("inf")}))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError", e)
json.dumps(float("-inf"), allow_nan=False)
