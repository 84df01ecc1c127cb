import json
s = "caf\u00e9 \u20ac \U0001f600 \u4e2d"
print(json.dumps(s))
print(json.dumps(s, ensure_ascii=False))
print(json.dumps({"k\u00e9y": s}, ensure_ascii=False))
print(json.dumps({"k\u00e9y": 1}))
