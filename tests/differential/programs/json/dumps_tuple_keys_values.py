import json
print(json.dumps({"t": (1, (2, 3))}))
print(json.dumps([(), (1,)], indent=2))
