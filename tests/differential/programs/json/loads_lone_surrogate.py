import json
s = json.loads('"\\ud800x"')
print(len(s), ascii(s))
s = json.loads('"\\udc00\\ud800"')
print(len(s), ascii(s))
s = json.loads('"\\ud800\\u0041"')
print(len(s), ascii(s))
