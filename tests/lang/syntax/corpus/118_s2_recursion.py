def flatten(items):
    result = []
    for item in items:
        if isinstance(item, (list, tuple)):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result
def depth(tree):
    return 1 + max((depth(child) for child in tree.children), default=0)
