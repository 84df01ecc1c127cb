def find(items, key):
    for item in items:
        if item == key:
            return item


found = find(["a", "b"], "c")
print(found.upper())
