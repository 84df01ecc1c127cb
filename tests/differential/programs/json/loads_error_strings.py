import json
for text in ['"abc', '"a\\qb"', '"\\u12"', '"\\u12zz"', '"tab\there"', '"line\nbreak"', '"\\', '["ok", "unterminated]']:
    try:
        json.loads(text)
    except ValueError as e:
        print(repr(text), "->", e)
