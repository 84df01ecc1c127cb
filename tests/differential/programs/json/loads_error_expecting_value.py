import json
for text in ['', '   ', '[1,]', '{"a": }', '[', 'nul', '-', '-x', '.5', '[1, 2', 'tru']:
    try:
        json.loads(text)
    except ValueError as e:
        print(repr(text), "->", e)
