import json
data = {"name": "Item \u00e9", "qty": 3, "rate": 12.75, "tags": ["a", "b"], "meta": {"ok": True, "n": None}, "big": 2**70}
text = json.dumps(data)
print(text)
back = json.loads(text)
print(back == data)
print(json.dumps(back, sort_keys=True, indent=2))
