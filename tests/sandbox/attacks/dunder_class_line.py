# attack: the refusal names the line of the offending attribute
# expect: compile-error Line 5: "__class__" is an invalid attribute name because it starts with "_".
x = 1
y = 2
z = x.__class__
