name = 'SINV-2024-00042'
print(name[0], name[-1], name[:4], name[5:9], name[-5:], name[::-1])
parts = name.split('-')
print(parts, parts[0], parts[-1], int(parts[-1]))
items = [10, 20, 30, 40, 50]
print(items[1:3], items[:-2], items[::2], items[-3:], items[10:], items[:0])
print(items[0], items[-1], items[len(items) - 1])
