def f(  # comment after paren
    a,  # first arg
    b=2,  # second arg
):  # after colon
    # inside body
    return (  # open
        a  # middle
        + b  # end
    )  # close
x = [  # list
    1,  # one
]
