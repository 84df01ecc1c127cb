# attack: attribute walk inside a format field
# expect: error AttributeError "__class__" is an invalid attribute name because it starts with "_"
print("{0.__class__}".format(1))
