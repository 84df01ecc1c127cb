settings = {"a": 1}
print(settings.pop("a"))
settings.pop("a")
