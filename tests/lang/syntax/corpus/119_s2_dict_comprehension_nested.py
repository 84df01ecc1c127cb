grouped = {
    key: [item for item in items if item["group"] == key]
    for key in {item["group"] for item in items}
}
index = {name: i for i, name in enumerate(names) if name}
inverse = {v: k for k, v in index.items()}
