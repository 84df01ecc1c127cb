# attack: item lookup in a field is data, not reflection
# expect: ok
# output: 5
print("{0[__class__]}".format({"__class__": 5}))
