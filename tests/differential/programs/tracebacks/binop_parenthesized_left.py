a = 5
b = "x"
c = (a) + b
