assert isinstance(doc, dict), "doc must be a dict"
assert len(items) > 0, f"no items in {doc!r}"
assert all(i.qty > 0 for i in items)
