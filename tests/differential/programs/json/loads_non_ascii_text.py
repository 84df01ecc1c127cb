import json
d = json.loads('{"name": "Jos\u00e9", "city": "M\u00fcnchen", "emoji": "\U0001f600"}')
print(ascii(d))
print(len(d["emoji"]))
