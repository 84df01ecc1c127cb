def f(x):
    if x:
        for i in x:
            while i:
                try:
                    with i:
                        if i > 0:
                            return i
                finally:
                    i -= 1
    return None
