import json
try:
    json.loads('\ufeff[1]')
except ValueError as e:
    print(e)
print(json.loads(b'\xef\xbb\xbf[1, 2]'))
