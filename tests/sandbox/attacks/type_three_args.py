# attack: build classes dynamically with dunders in the namespace
# expect: error TypeError
T = type("T", (), {"__getattr__": lambda s, n: 1})
print(T().anything)
