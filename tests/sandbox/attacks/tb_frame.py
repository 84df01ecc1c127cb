# attack: traceback frame from a caught exception
# expect: compile-error "tb_frame" is a restricted name, that is forbidden to access in RestrictedPython.
try:
    1 / 0
except Exception as e:
    t = e.tb_frame
