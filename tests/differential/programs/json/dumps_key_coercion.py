import json
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none", "s": "str"}))
print(json.dumps({False: 0, -1: 1, 1e20: 2, 0.1: 3}))
print(json.dumps({10**30: "big"}))
