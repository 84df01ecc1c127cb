import json
print(repr(json.loads('"a\tb"', strict=False)))
try:
    json.loads('"a\tb"')
except ValueError as e:
    print(e)
