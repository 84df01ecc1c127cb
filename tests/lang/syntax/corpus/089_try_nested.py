try:
    try:
        x = 1 / 0
    except ZeroDivisionError:
        raise
    finally:
        cleanup()
except Exception as e:
    try:
        handle(e)
    except:
        pass
else:
    ok()
