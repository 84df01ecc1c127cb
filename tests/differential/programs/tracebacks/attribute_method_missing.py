class Customer:
    def __init__(self, name):
        self.name = name


def greet(c):
    return "Hello " + c.full_name()


print(greet(Customer("Ada")))
