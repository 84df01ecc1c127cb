a = r'\''
b = r"C:\path\to\file"
c = r'\x41\u0041'
d = rb'\xff'
e = R'''raw \
triple'''
f = r'\\'
