# attack: a format width of a billion
# expect: error MemoryError|ValueError
"{:>1000000000}".format(1)
