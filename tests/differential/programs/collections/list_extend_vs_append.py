a = [1]
a.append([2, 3])
a.extend([4, 5])
a.extend('ab')
a.extend(range(2))
a.extend((9,))
a.extend({'k': 0})
print(a, len(a))
