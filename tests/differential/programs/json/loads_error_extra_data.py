import json
for text in ['1 2', '{} []', '[1]x', '"a" "b"', 'null null']:
    try:
        json.loads(text)
    except ValueError as e:
        print(repr(text), "->", e)
