import json
form = {"data": '{"customer": "ACME", "items": [{"item": "X", "qty": 2}, {"item": "Y", "qty": 5}]}'}
payload = json.loads(form["data"])
total = 0
for row in payload["items"]:
    total += row["qty"]
response = {"customer": payload["customer"], "total_qty": total, "ok": True}
print(json.dumps(response))
print(json.dumps(response, indent=1, sort_keys=True))
