import json
print(json.loads('{"a": 1, "b": [true, false, null], "c": "x"}'))
print(json.loads('[1, 2.5, -3, 1e3, 1E-2, -0, 0.0]'))
print(json.loads('"just a string"'), json.loads('42'), json.loads('null'), json.loads(' true '))
