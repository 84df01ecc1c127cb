inventory = {"apple": 3, "banana": 5}
inventory["cherry"] = 7
inventory.update({"date": 1}, fig=2)
for key, value in sorted(inventory.items()):
    print(f"{key:<10}{value:>3}")
merged = {**inventory, "apple": 0}
inverted = {v: k for k, v in inventory.items()}
print(merged.get("apple", -1), inverted, list(inventory.keys())[:2], inventory.pop("fig", None))
