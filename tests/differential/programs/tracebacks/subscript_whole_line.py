data = {"a": 1}
data["b"]
