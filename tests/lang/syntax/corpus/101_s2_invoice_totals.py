def compute_totals(doc):
    subtotal = sum(row.qty * row.rate for row in doc.items)
    tax = round(subtotal * doc.tax_rate / 100, 2)
    doc.update({"subtotal": subtotal, "tax": tax, "total": subtotal + tax})
    return doc
