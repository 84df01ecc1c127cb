import json
for v in [1, None, [1], 1.5]:
    try:
        json.loads(v)
    except TypeError as e:
        print(e)
