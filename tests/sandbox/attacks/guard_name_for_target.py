# attack: a loop variable shadowing a guard name
# expect: compile-error "_getattr_" is an invalid variable name because it starts with "_"
for _getattr_ in [1]:
    pass
