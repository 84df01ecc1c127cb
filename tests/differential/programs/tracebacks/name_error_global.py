def report():
    print("total", totl)


total = 5
report()
