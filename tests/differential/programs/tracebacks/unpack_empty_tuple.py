t = ()
first, = t
