# attack: a JSON number with a hundred thousand digits (CPython caps int parsing at 4300 digits)
# stdlib: yes
# expect: error ValueError
import json
json.loads("9" * 100000)
