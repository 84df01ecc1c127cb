if a:
	b = 1
	if c:
		d = 2
	e = 3
def f():
	return 1
