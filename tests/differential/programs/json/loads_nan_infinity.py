import json
v = json.loads('[NaN, Infinity, -Infinity]')
print(v)
print(json.loads('{"x": Infinity}')["x"] > 1e308)
