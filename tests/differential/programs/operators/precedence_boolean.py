print(True or False and False, (True or False) and False, not True or True, not (True or True))
print(1 or 2 and 0, 0 and 2 or 3, not 0 == 1, not 1 + 1 == 3)
print(None or 0 or [] or 'end', 'a' and 'b' and '', [] and x_undefined if False else 'safe')
x = 5
print(x > 3 and x < 10 or x == 0, not x > 3, not not x)
