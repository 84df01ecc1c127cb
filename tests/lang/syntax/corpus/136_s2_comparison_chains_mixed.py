ok = 0 <= index < len(items) and items[index] is not None
inside = lower < value <= upper != sentinel
member = key in mapping and mapping[key] not in forbidden
