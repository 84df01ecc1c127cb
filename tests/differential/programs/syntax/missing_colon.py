print('never printed: the whole file is compiled first')
if True
    print('x')
