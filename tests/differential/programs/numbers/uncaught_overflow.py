print('float of huge int')
x = float(2 ** 2000)
