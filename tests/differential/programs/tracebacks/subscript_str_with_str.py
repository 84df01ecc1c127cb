def initial(name):
    return name["first"]


print(initial("Ada"))
