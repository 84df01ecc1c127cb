import json
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
try:
    json.dumps([1, b"bytes"])
except TypeError as e:
    print(e)
json.dumps({"x": object()})
