config = {
    "name": "report",
    "columns": [
        {"label": "Item", "fieldname": "item", "width": 120},
        {"label": "Qty", "fieldname": "qty", "fieldtype": "Float"},
    ],
    "filters": (("status", "=", "Open"), ("owner", "like", "%@example.com")),
    "flags": {True, False},
    "limits": [1, 2.5, -3, 1e3, None],
}
