# attack: keyword field with an attribute walk
# expect: error AttributeError "__init__" is an invalid attribute name
class A:
    pass
print("{a.__init__.__globals__}".format(a=A()))
