import json
for f in [lambda: json.dumps({float('inf'): 1}, allow_nan=False, indent=1),
          lambda: json.dumps([float('nan')], allow_nan=False, indent=1),
          lambda: json.dumps({(1,): 1}, indent=1),
          lambda: json.dumps({1: {2, 3}}, indent=1),
          lambda: json.dumps({"a": [1, {"b": None}]}, indent=1, skipkeys=True, sort_keys=True),
          lambda: json.dumps({"b": 1, (2,): 2, "a": 3}, skipkeys=True, indent=2),
          lambda: json.dumps({"b": 1, (2,): 2, "a": 3}, skipkeys=True),
          lambda: json.dumps([], indent=3), lambda: json.dumps({}, indent=3),
          lambda: json.dumps([[]], indent=3), lambda: json.dumps({"a": {}}, indent=3),
          lambda: json.dumps(1.0, indent=2), lambda: json.dumps(None, indent=2),
          lambda: json.dumps({True: 1, None: 2, 1.25: 3}, indent=1),
          ]:
    try:
        print(repr(f()))
    except (TypeError, ValueError) as e:
        print(type(e), e)
