import json
json.dumps({"a": 1}, colour=True)
