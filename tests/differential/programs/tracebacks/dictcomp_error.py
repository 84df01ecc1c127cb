d = {k: 1 / k for k in [1, 0]}
