# attack: except-as binding an underscore name
# expect: compile-error "_e" is an invalid variable name because it starts with "_"
try:
    pass
except Exception as _e:
    pass
