def todo():
    ...

x = ...
print(todo(), x, x is Ellipsis, repr(...))
class Empty:
    pass
print(type(Empty()).__name__)
