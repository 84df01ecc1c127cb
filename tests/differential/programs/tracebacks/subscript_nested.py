config = {"db": {"host": "localhost"}}
print(config["db"]["host"])
port = config["db"]["port"]
