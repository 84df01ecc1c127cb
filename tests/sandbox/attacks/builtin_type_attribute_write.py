# attack: patch a method of a built-in type shared by every isolate
# expect: error TypeError cannot set 'upper' attribute of immutable type 'str'
str.upper = lambda self: "pwned"
