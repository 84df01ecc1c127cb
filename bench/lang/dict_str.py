# Dict and string work typical of scripts: building keys, lookups, joins, formatting.
rows = []
for i in range(400):
    rows.append({"name": "ITEM-" + str(i), "qty": i % 13, "rate": 1.5 * (i % 7), "uom": "Nos"})
by_uom = {}
for r in rows:
    key = r["uom"] + "/" + str(r["qty"] % 3)
    by_uom[key] = by_uom.get(key, 0) + r["qty"] * r["rate"]
labels = ", ".join(f"{k}={v:.2f}" for k, v in sorted(by_uom.items()))
names = [r["name"].lower().replace("item", "it") for r in rows if r["qty"] > 3]
text = " ".join(names).upper().split()
result = (len(labels), len(text), text[:3])
