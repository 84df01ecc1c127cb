# attack: a longer walk through format fields
# expect: error AttributeError "__class__" is an invalid attribute name
print("{0.__class__.__mro__[1].__subclasses__}".format(()))
