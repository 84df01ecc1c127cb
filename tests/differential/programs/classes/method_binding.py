class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
    def greet(self, name):
        return f"{self.greeting}, {name}"
g = Greeter('Hello')
m = g.greet
print(m('A'), Greeter.greet(g, 'B'), list(map(g.greet, ['x', 'y'])))
g.greeting = 'Hi'
print(m('C'))
