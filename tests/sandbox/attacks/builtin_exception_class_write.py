# attack: patch a built-in exception class
# expect: error TypeError immutable type
Exception.extra = 1
