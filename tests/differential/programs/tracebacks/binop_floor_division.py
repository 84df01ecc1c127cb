def per_item(total, items):
    return total // items


print(per_item(10, 3))
print(per_item(10, 0))
