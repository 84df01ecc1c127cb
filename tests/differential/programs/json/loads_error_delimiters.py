import json
for text in ['[1 2]', '{"a" 1}', '{"a": 1 "b": 2}', '{1: 2}', "{'a': 1}", '{"a": 1,}', '{,}', '[1,,2]']:
    try:
        json.loads(text)
    except ValueError as e:
        print(repr(text), "->", e)
