def process(doc):
    def fmt(v):
        return f"{v:,.2f}" if isinstance(v, (int, float)) else str(v or '')
    def line(label, value):
        return f"{label}: {fmt(value)}"
    return [line(k.replace('_', ' ').title(), v) for k, v in doc.items()]
for l in process({'customer_name': 'Acme', 'grand_total': 1234.5, 'outstanding_amount': 0, 'remarks': None}):
    print(l)
