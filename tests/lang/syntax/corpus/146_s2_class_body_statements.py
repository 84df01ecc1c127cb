class Config:
    DEBUG = False
    if DEBUG:
        LEVEL = "debug"
    else:
        LEVEL = "info"
    for _i in range(3):
        pass
    items = [x for x in range(3)]
    del _i
