import json
json.loads("not json")
