import json
print(json.dumps({True: 1, 1: 2}))
print(json.dumps({1: 2, True: 3}))
print(json.dumps({0: "a", False: "b", 0.0: "c"}))
