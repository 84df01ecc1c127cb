# attack: every violation is found; the first is reported with a count
# expect: compile-error Line 3: "__class__" is an invalid attribute name because it starts with "_". (and 1 more)
a = ().__class__
b = ().__base__
