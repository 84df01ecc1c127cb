name = 'abc'
print(name[1])
print(name[3])
