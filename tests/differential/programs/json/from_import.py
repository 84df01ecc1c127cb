from json import loads, dumps, JSONDecodeError
print(dumps(loads('[1, {"a": null}]')))
try:
    loads('{')
except JSONDecodeError as e:
    print("caught:", e)
