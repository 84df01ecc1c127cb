import json
vals = [0.1, 1/3, 2/3, 1e-10, 123.456, 9007199254740993.0, 1e16, 1.0]
print(json.loads(json.dumps(vals)) == vals)
for v in vals:
    print(json.dumps(v), json.loads(json.dumps(v)) == v)
