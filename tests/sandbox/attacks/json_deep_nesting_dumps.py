# attack: json.dumps of lists nested a hundred thousand deep
# stdlib: yes
# expect: error RecursionError
import json
l = []
for i in range(100000):
    l = [l]
json.dumps(l)
