# attack: a computed dunder name through getattr
# expect: error AttributeError "__class__" is an invalid attribute name because it starts with "_"
getattr((), "_" + "_class__")
