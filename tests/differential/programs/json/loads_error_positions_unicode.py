import json
for text in ['["\u00e9\u00e9", x]', '{"\U0001f600": 1,, }', '"\u20ac" 5']:
    try:
        json.loads(text)
    except ValueError as e:
        print(e)
