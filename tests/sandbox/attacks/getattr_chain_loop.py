# attack: walking dunders in a loop of computed names
# expect: error AttributeError is an invalid attribute name
x = ()
for name in ["_" + "_class__", "_" + "_base__", "_" + "_subclasses__"]:
    x = getattr(x, name)
