# attack: read a file
# expect: error NameError name 'open' is not defined
open("/etc/passwd").read()
