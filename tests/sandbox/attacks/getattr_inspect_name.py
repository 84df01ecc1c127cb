# attack: generator frame through getattr
# expect: error AttributeError "gi_frame" is an unsafe attribute
g = (i for i in [1])
getattr(g, "gi" + "_frame")
