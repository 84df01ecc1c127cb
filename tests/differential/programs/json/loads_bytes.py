import json
print(json.loads(b'{"a": [1, 2, "x"]}'))
print(json.loads('"\u00e9"'.encode()))
