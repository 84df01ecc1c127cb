import json
s = json.loads('"caf\\u00e9 \\u20ac \\ud83d\\ude00 \\n \\t \\/ \\\\ \\""')
print(ascii(s), len(s))
print(ascii(json.loads('"\\u0041\\u00DF"')))
