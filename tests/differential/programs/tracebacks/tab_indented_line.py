if True:
	x = 1 + "a"
