# attack: str.format called unbound
# expect: error AttributeError "__class__" is an invalid attribute name
print(str.format("{0.__class__}", 1))
