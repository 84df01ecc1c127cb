# attack: rebinding builtins only affects this run (the driver's follow-up run checks)
# expect: ok
# output: 42 42
len = lambda x: 42
str = lambda x: 42
print(len([]), str(1))
