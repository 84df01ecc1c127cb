import json
for v in [None, True, False, 0, -7, 123456789012, 1.5, -0.0, 1e16, 1e-7, 3.141592653589793, 1/3, "", "abc"]:
    print(json.dumps(v))
