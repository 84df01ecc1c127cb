# attack: tag a built-in function (shared object)
# expect: error AttributeError
len.tag = 1
