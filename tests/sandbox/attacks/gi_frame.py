# attack: generator frame to the caller's globals
# expect: compile-error Line 3: "f_back" is a restricted name, that is forbidden to access in RestrictedPython. (and 1 more)
(i for i in [1]).gi_frame.f_back
