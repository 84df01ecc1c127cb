invoices = [('INV-1', 1200.0, 1200.0), ('INV-2', 800.0, 200.0), ('INV-3', 0.0, 0.0), ('INV-4', 333.33, 111.11)]
for name, total, paid in invoices:
    pct = round(paid / total * 100, 2) if total else 0
    outstanding = total - paid
    status = 'Paid' if outstanding <= 0 else 'Partly Paid' if paid else 'Unpaid'
    print(f"{name}: {pct}% paid, outstanding {outstanding:.2f} ({status})")
