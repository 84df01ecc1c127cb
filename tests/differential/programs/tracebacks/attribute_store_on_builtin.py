values = [1, 2, 3]
values.total = 6
