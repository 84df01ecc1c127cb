import json
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "a": 2, "b": 3}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('[1, 2.5, "3"]', parse_int=str, parse_float=lambda s: "F" + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: s.lower()))
