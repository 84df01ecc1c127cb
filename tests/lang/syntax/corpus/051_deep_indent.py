if a:
    if b:
        if c:
            if d:
                if e:
                    if f:
                        pass
                    x = 1
                y = 2
            z = 3
        w = 4
    v = 5
u = 6
