try:
    try:
        [][0]
    except IndexError:
        {}["k"]
except KeyError:
    None.attr
