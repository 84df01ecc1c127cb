# attack: getattr with a default does not turn the refusal into the default
# expect: error AttributeError "__globals__" is an invalid attribute name
def f():
    pass
print(getattr(f, "__globals__", None))
