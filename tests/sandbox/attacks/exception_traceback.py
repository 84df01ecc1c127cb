# attack: the traceback of a caught exception
# expect: compile-error "__traceback__" is an invalid attribute name because it starts with "_".
try:
    1 / 0
except Exception as e:
    print(e.__traceback__)
