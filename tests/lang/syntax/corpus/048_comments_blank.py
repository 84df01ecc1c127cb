

# leading comment
a = 1  # trailing comment

    # indented comment
def f():
    # comment in body

    x = 1
        # deeply indented comment
    return x
# final comment without newline
