# attack: globals() to reach the module namespace
# expect: error NameError name 'globals' is not defined
globals()
