import json
try:
    json.loads('{"a": 1,\n "b": x}')
except json.JSONDecodeError as e:
    print(e.msg)
    print(e.pos, e.lineno, e.colno)
    print(repr(e.doc))
    print(str(e))
    print(isinstance(e, ValueError))
