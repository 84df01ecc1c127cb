# attack: patch a built-in type through setattr
# expect: error TypeError immutable type 'dict'
setattr(dict, "get", len)
