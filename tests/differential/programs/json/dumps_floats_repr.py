import json
vals = [0.1, 0.2 + 0.1, 1e22, 1e21, 123456789.123, 5e-324, 1.7976931348623157e308, 2.0, -1.25e-5, 100.0]
print(json.dumps(vals))
print(json.dumps({"t": 1e100}, indent=1))
