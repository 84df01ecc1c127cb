print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool('0'), bool(''), bool([0]), bool(None), bool({}), bool(range(0)))
print(bool is type(True), type(True).__name__, int(bool('False')))
