raise ValueError('bad value', 42)
