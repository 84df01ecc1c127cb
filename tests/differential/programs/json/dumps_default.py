import json
def handler(o):
    if isinstance(o, set):
        return sorted(o)
    if isinstance(o, bytes):
        return o.decode()
    raise TypeError("cannot " + type(o).__name__)
print(json.dumps({"s": {3, 1, 2}, "b": b"hi"}, default=handler))
print(json.dumps([{1, 2}], default=list))
print(json.dumps({"x": range(3)}, default=str))
try:
    json.dumps(object(), default=handler)
except TypeError as e:
    print(e)
