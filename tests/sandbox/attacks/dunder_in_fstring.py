# attack: an attribute walk hidden in an f-string
# expect: compile-error "__class__" is an invalid attribute name because it starts with "_".
x = 1
print(f"{x.__class__}")
