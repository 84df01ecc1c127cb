# attack: class hierarchy through __mro__
# expect: compile-error "__mro__" is an invalid attribute name because it starts with "_".
print(int.__mro__)
