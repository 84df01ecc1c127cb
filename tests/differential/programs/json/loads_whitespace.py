import json
print(json.loads(' \n\t {\n "a" : [ 1 , 2 ] \r\n } \n'))
print(json.loads('[\n]'), json.loads('{ }'))
