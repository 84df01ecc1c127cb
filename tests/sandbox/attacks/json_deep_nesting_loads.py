# attack: json.loads of arrays nested a hundred thousand deep (native recursion in the decoder)
# stdlib: yes
# expect: error RecursionError
import json
json.loads("[" * 100000 + "]" * 100000)
