names = {"café": 1}
prix = names["café"] + names["thé"]
