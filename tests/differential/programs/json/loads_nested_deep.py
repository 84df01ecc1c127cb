import json
text = "[" * 50 + "1" + "]" * 50
v = json.loads(text)
depth = 0
while isinstance(v, list):
    v = v[0]
    depth += 1
print(depth, v)
print(json.dumps(json.loads(text)) == text.replace(" ", ""))
