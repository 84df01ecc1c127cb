# attack: mro() on a class object
# expect: error AttributeError
type(1).mro()
