# attack: exception objects carry only their args
# expect: ok
# output: ('boom', 1)
try:
    raise ValueError("boom", 1)
except ValueError as e:
    print(e.args)
