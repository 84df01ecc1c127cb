import json
print(json.dumps({float("nan"): 1, float("inf"): 2}))
json.dumps({float("inf"): 1}, allow_nan=False)
