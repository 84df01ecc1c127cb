# attack: scripts cannot name the limit errors to catch or raise them
# expect: error NameError name 'ScriptTimeoutError' is not defined
try:
    1 / 0
except ScriptTimeoutError:
    pass
