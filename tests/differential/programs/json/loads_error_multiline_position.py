import json
text = '{\n  "a": 1,\n  "b": [1, 2,\n        3,]\n}'
try:
    json.loads(text)
except ValueError as e:
    print(e)
    print(e.lineno, e.colno, e.pos)
